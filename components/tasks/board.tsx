"use client";
import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { generateKeyBetween } from "fractional-indexing";
import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { listTasksAction, updateTaskAction } from "@/app/actions/tasks";
import { toast, toastUndo } from "@/components/ui/toast";
import { TaskActionsHost } from "./pickers/task-actions";
import { upsert, useTaskWriter } from "./pickers/use-task-writer";
import { byPosition, type Filters } from "./filters";
import { SortableTaskCard, TaskCard } from "./task-card";
import type { BoardData, ColumnInfo, StatusInfo, Task } from "./types";
import { useLiveTasks } from "./use-live-tasks";

const COLUMN = "column:";
/** Card height before it is measured (a title line and one meta line), and the gap between cards. */
const CARD_ESTIMATE = 84;
const CARD_GAP = 6;
/** What the server render and the first client render assume a column shows, before the column is measured. */
const COLUMN_RECT = { width: 264, height: 720 };

type ColumnProps = {
  status: StatusInfo;
  tasks: Task[];
  over: boolean;
  onAdd: (statusId: string) => void;
  canWrite: boolean;
  /** A card just dropped here: scrolled into view if it landed off screen (a new object per drop). */
  dropped: { id: string } | null;
  more: { count: number; pending: boolean } | null;
  onLoadMore: (statusId: string) => void;
};

/**
 * A column. Memoised: its props are stable (its own card array, kept while its cards are unchanged), so
 * a move re-renders the two columns it touches, not the board.
 */
const Column = memo(function Column({ status, tasks, over, onAdd, canWrite, dropped, more, onLoadMore }: ColumnProps) {
  const { setNodeRef } = useDroppable({ id: COLUMN + status.id });
  const headingId = `col-${status.id}`;
  const ids = useMemo(() => tasks.map((t) => t.id), [tasks]);
  return (
    <section className="column" aria-labelledby={headingId} data-over={over} data-testid={`column-${status.name}`}>
      <div className="column-head">
        <span className="dot" style={{ background: status.color }} aria-hidden="true" />
        <h2 id={headingId} style={{ fontSize: 14, margin: 0 }}>
          {status.name}
        </h2>
        <span className="muted small" aria-label={more ? `${tasks.length} of ${more.count} tasks shown` : `${tasks.length} tasks`}>
          {more ? `${tasks.length} of ${more.count}` : tasks.length}
        </span>
        <span className="grow" />
        {canWrite && (
          <button
            type="button"
            className="icon-btn"
            style={{ width: 26, height: 26 }}
            aria-label={`New task in ${status.name}`}
            onClick={() => onAdd(status.id)}
          >
            +
          </button>
        )}
      </div>
      <SortableContext id={status.id} items={ids} strategy={verticalListSortingStrategy}>
        <ColumnCards tasks={tasks} setDroppableRef={setNodeRef} canWrite={canWrite} dropped={dropped}>
          {tasks.length === 0 && (
            <p className="muted small" style={{ textAlign: "center", padding: 12 }}>
              No tasks
            </p>
          )}
          {more && (
            <button
              type="button"
              className="btn btn-sm btn-ghost"
              onClick={() => onLoadMore(status.id)}
              disabled={more.pending}
              aria-label={`Load more tasks in ${status.name}`}
            >
              {more.pending ? "Loading…" : "Load more"}
            </button>
          )}
        </ColumnCards>
      </SortableContext>
    </section>
  );
});

/**
 * The column's cards, virtualised: only the cards in (and just around) the column's scrolled view are in
 * the DOM, in normal flow between two spacers, so measuring a card never moves the cards above it.
 */
function ColumnCards({
  tasks,
  setDroppableRef,
  canWrite,
  dropped,
  children,
}: {
  tasks: Task[];
  setDroppableRef: (el: HTMLElement | null) => void;
  canWrite: boolean;
  dropped: { id: string } | null;
  children: React.ReactNode;
}) {
  const scroller = useRef<HTMLDivElement | null>(null);
  const ref = useCallback(
    (el: HTMLDivElement | null) => {
      scroller.current = el;
      setDroppableRef(el);
    },
    [setDroppableRef],
  );
  const virtual = useVirtualizer({
    count: tasks.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => CARD_ESTIMATE,
    getItemKey: (i) => tasks[i]!.id,
    gap: CARD_GAP,
    overscan: 3,
    initialRect: COLUMN_RECT,
  });
  // Cards are measured once the page is idle after hydration: measuring in the hydration's commit forces layout
  // and re-renders the column synchronously, inside the page's longest task. Until then the estimate stands.
  const [measuring, setMeasuring] = useState(false);
  useEffect(() => {
    if (typeof window.requestIdleCallback !== "function") {
      const t = setTimeout(() => setMeasuring(true), 300);
      return () => clearTimeout(t);
    }
    const id = window.requestIdleCallback(() => setMeasuring(true), { timeout: 1000 });
    return () => window.cancelIdleCallback(id);
  }, []);
  const tasksRef = useRef(tasks);
  useEffect(() => {
    tasksRef.current = tasks;
  });
  useEffect(() => {
    const index = dropped ? tasksRef.current.findIndex((t) => t.id === dropped.id) : -1;
    if (index >= 0 && !virtual.getVirtualItems().some((v) => v.index === index)) virtual.scrollToIndex(index, { align: "auto" });
  }, [dropped, virtual]);
  const items = virtual.getVirtualItems();
  // The spacers stand for the cards above and below the rendered run.
  const top = items[0]?.start ?? 0;
  const bottom = items.length ? virtual.getTotalSize() - items.at(-1)!.end : 0;
  return (
    <div ref={ref} className="column-body">
      {items.length > 0 && (
        <div className="column-cards" style={{ paddingTop: top, paddingBottom: bottom }}>
          {items.map((v) => (
            <SortableTaskCard
              key={v.key}
              task={tasks[v.index]!}
              index={v.index}
              disabled={!canWrite}
              measure={measuring ? virtual.measureElement : undefined}
            />
          ))}
        </div>
      )}
      {children}
    </div>
  );
}

/** Where a drop lands: the target status, and the neighbours in that column (the dragged task left out). */
function dropTarget(
  columns: Map<string, Task[]>,
  active: Task,
  overId: string,
  byId: Map<string, Task>,
): { statusId: string; after: Task | null; before: Task | null } | null {
  let statusId: string;
  let index: number;
  const others = (sid: string) => (columns.get(sid) ?? []).filter((t) => t.id !== active.id);
  if (overId.startsWith(COLUMN)) {
    statusId = overId.slice(COLUMN.length);
    index = others(statusId).length;
  } else {
    const overTask = byId.get(overId);
    if (!overTask) return null;
    statusId = overTask.status.id;
    const column = others(statusId);
    index = column.findIndex((t) => t.id === overId);
    // Moving down within a column lands after the card it is over.
    if (overTask.status.id === active.status.id && byPosition(active, overTask) < 0) index += 1;
  }
  const column = others(statusId);
  return { statusId, after: column[index - 1] ?? null, before: column[index] ?? null };
}

/** The cards per status in board order; a column whose cards did not change keeps its array (and so its render). */
function useColumns(tasks: Task[], statuses: StatusInfo[]): Map<string, Task[]> {
  const [state, setState] = useState(() => ({ tasks, statuses, columns: groupColumns(tasks, statuses, new Map()) }));
  if (state.tasks === tasks && state.statuses === statuses) return state.columns;
  // Derived state, adjusted during render (React re-runs this component before committing).
  const next = { tasks, statuses, columns: groupColumns(tasks, statuses, state.columns) };
  setState(next);
  return next.columns;
}

function groupColumns(tasks: Task[], statuses: StatusInfo[], previous: Map<string, Task[]>): Map<string, Task[]> {
  const by = new Map<string, Task[]>(statuses.map((s) => [s.id, []]));
  for (const t of tasks) by.get(t.status.id)?.push(t);
  for (const [id, list] of by) {
    list.sort(byPosition);
    const old = previous.get(id);
    if (old && old.length === list.length && old.every((t, i) => t === list[i])) by.set(id, old);
  }
  return by;
}

/** After the frame that shows the optimistic move is painted: the server action waits for it. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export function Board({
  data,
  filters,
  me,
  realtimeUrl,
  onAdd,
}: {
  data: BoardData;
  filters: Filters;
  me: string;
  realtimeUrl: string | null;
  onAdd: (statusId: string) => void;
}) {
  const { tasks, update } = useLiveTasks({ initial: data.tasks, projectId: data.project.id, realtimeUrl, filters, me });
  const { more, loadMore } = useColumnPages(data, filters, update);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [overStatus, setOverStatus] = useState<string | null>(null);
  const [dropped, setDropped] = useState<{ id: string } | null>(null);
  const { canWrite } = data.project.permissions;
  const boardRef = useRef<HTMLDivElement>(null);
  const writer = useTaskWriter({
    onSaved: (saved) => update((list) => upsert(list, saved)),
    onRemoved: (gone) => update((list) => list.filter((t) => t.id !== gone.id)),
  });
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const columns = useColumns(tasks, data.statuses);
  const byId = useMemo(() => new Map(tasks.map((t) => [t.id, t])), [tasks]);

  const statusName = (id: string) => data.statuses.find((s) => s.id === id)?.name ?? "a column";
  const titleOf = (id: string | number) => byId.get(String(id))?.title ?? "task";
  const statusOfOver = (overId: string) => (overId.startsWith(COLUMN) ? overId.slice(COLUMN.length) : byId.get(overId)?.status.id);
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${titleOf(active.id)}. Use the arrow keys to move it, space to drop, escape to cancel.`,
    onDragOver: ({ active, over }) =>
      over
        ? `${titleOf(active.id)} is over ${statusName(statusOfOver(String(over.id)) ?? "")}.`
        : `${titleOf(active.id)} is not over a column.`,
    onDragEnd: ({ active, over }) =>
      over ? `${titleOf(active.id)} dropped in ${statusName(statusOfOver(String(over.id)) ?? "")}.` : `${titleOf(active.id)} dropped.`,
    onDragCancel: ({ active }) => `Moving ${titleOf(active.id)} was cancelled.`,
  };

  /**
   * Optimistic: the card moves in this event's render (pointer-up → placed in one frame); the server action
   * is sent after that frame is painted. A refusal or a failed request puts the card back, with a message.
   */
  async function onDragEnd(event: DragEndEvent) {
    setActiveId(null);
    setOverStatus(null);
    if (!event.over) return;
    const task = byId.get(String(event.active.id));
    if (!task) return;
    const target = dropTarget(columns, task, String(event.over.id), byId);
    if (!target) return;
    const sameColumn = target.statusId === task.status.id;
    const sameSpot =
      sameColumn && (target.after?.position ?? "") < task.position && (!target.before || task.position < target.before.position);
    if (sameSpot) return;
    const status = data.statuses.find((s) => s.id === target.statusId)!;
    const optimistic: Task = {
      ...task,
      status: { id: status.id, name: status.name, category: status.category as Task["status"]["category"] },
      position: generateKeyBetween(target.after?.position ?? null, target.before?.position ?? null),
    };
    update((list) => list.map((t) => (t.id === task.id ? optimistic : t)));
    setDropped({ id: task.id });
    const position = target.after || target.before ? { after: target.after?.id ?? null, before: target.before?.id ?? null } : undefined;
    await afterPaint();
    let result: Awaited<ReturnType<typeof updateTaskAction>>;
    try {
      result = await updateTaskAction(
        task.id,
        { ...(sameColumn ? {} : { statusId: status.id }), ...(position ? { position } : {}) },
        task.version,
      );
    } catch {
      result = { ok: false, error: "the server could not be reached" };
    }
    if (result.ok) {
      const saved = result.data;
      // A live event may have brought this version (or a later one) first.
      update((list) => list.map((t) => (t.id === saved.id && t.version <= saved.version ? saved : t)));
      // Undo puts back exactly the status and position it had (version-guarded like every write).
      toastUndo(
        `Moved ${task.key} to ${status.name}`,
        () => void writer.save([saved], () => ({ ...(sameColumn ? {} : { statusId: task.status.id }), position: task.position })),
      );
      return;
    }
    // Undo only our own optimistic move: a live event since then (someone else's change) wins.
    update((list) => list.map((t) => (t === optimistic ? task : t)));
    toast(
      result.status === "PRECONDITION_FAILED"
        ? `“${task.title}” was changed by someone else meanwhile; your move was undone. Try again on the latest version.`
        : `Could not move “${task.title}”: ${result.error}. The card is back where it was.`,
      "error",
    );
  }

  const active = activeId ? byId.get(activeId) : null;
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable: "To move a task, press space or enter on its handle, use the arrow keys, then press space again to drop it.",
        },
      }}
      onDragStart={(e: DragStartEvent) => (setActiveId(String(e.active.id)), setDropped(null))}
      onDragOver={(e: DragOverEvent) => setOverStatus(e.over ? (statusOfOver(String(e.over.id)) ?? null) : null)}
      onDragCancel={() => (setActiveId(null), setOverStatus(null))}
      onDragEnd={(e) => void onDragEnd(e)}
    >
      <div className="board" data-testid="board" ref={boardRef}>
        {data.statuses.map((s) => {
          const list = columns.get(s.id) ?? EMPTY;
          return (
            <Column
              key={s.id}
              status={s}
              tasks={list}
              over={overStatus === s.id && activeId !== null}
              onAdd={onAdd}
              canWrite={canWrite}
              dropped={dropped !== null && list.some((t) => t.id === dropped.id) ? dropped : null}
              more={more(s.id)}
              onLoadMore={loadMore}
            />
          );
        })}
      </div>
      <DragOverlay>{active ? <TaskCard task={active} overlay /> : null}</DragOverlay>
      <TaskActionsHost
        container={boardRef}
        tasks={tasks}
        meta={{ statuses: data.statuses, labels: data.labels, people: data.people, me }}
        projectId={data.project.id}
        writer={writer}
        canWrite={canWrite}
      />
    </DndContext>
  );
}

const EMPTY: Task[] = [];

/**
 * The board renders each column's first cards; the rest come page by page through the task list
 * (the column's status, board order), from the cursor getBoard answered.
 */
function useColumnPages(data: BoardData, filters: Filters, update: (fn: (list: Task[]) => Task[]) => void) {
  const [state, setState] = useState({ columns: data.columns, cursors: cursorsOf(data.columns) });
  // A new server render (filters changed, refresh) starts the columns over.
  if (state.columns !== data.columns) setState({ columns: data.columns, cursors: cursorsOf(data.columns) });
  const cursors = state.columns === data.columns ? state.cursors : cursorsOf(data.columns);
  const [pending, setPending] = useState<string | null>(null);
  const [, start] = useTransition();
  const latest = useRef({ cursors, filters });
  useEffect(() => {
    latest.current = { cursors, filters };
  });
  const projectId = data.project.id;
  // Stable, so the memoised columns do not re-render for it.
  const loadMore = useCallback(
    (statusId: string) => {
      const cursor = latest.current.cursors[statusId];
      if (!cursor) return;
      start(async () => {
        setPending(statusId);
        const query = { ...latest.current.filters, status: statusId, sort: "position" as const, limit: 100, cursor };
        const r = await listTasksAction(projectId, query);
        setPending(null);
        if (!r.ok) return toast(`Could not load more tasks: ${r.error}`, "error");
        update((list) => {
          const have = new Set(list.map((t) => t.id));
          return [...list, ...r.data.data.filter((t) => !have.has(t.id))];
        });
        setState((s) => ({ ...s, cursors: { ...s.cursors, [statusId]: r.data.nextCursor } }));
      });
    },
    [projectId, update],
  );
  // One object per column and state, so an unchanged column sees the same prop.
  const more = useMemo(() => {
    const by = new Map<string, { count: number; pending: boolean }>();
    for (const c of data.columns ?? []) if (cursors[c.statusId]) by.set(c.statusId, { count: c.count, pending: pending === c.statusId });
    return by;
  }, [data.columns, cursors, pending]);
  return { more: (statusId: string) => more.get(statusId) ?? null, loadMore };
}

function cursorsOf(columns: ColumnInfo[] | undefined): Record<string, string | null> {
  return Object.fromEntries((columns ?? []).map((c) => [c.statusId, c.nextCursor]));
}
