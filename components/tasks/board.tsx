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
import { useMemo, useState, useTransition } from "react";
import { listTasksAction, updateTaskAction } from "@/app/actions/tasks";
import { toast } from "@/components/ui/toast";
import { byPosition, type Filters } from "./filters";
import { SortableTaskCard, TaskCard } from "./task-card";
import type { BoardData, ColumnInfo, StatusInfo, Task } from "./types";
import { useLiveTasks } from "./use-live-tasks";

const COLUMN = "column:";

type ColumnProps = {
  status: StatusInfo;
  tasks: Task[];
  over: boolean;
  slug: string;
  onAdd: (statusId: string) => void;
  canWrite: boolean;
  more: { count: number; load: () => void; pending: boolean } | null;
};

function Column({ status, tasks, over, slug, onAdd, canWrite, more }: ColumnProps) {
  const { setNodeRef } = useDroppable({ id: COLUMN + status.id });
  const headingId = `col-${status.id}`;
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
      <SortableContext id={status.id} items={tasks.map((t) => t.id)} strategy={verticalListSortingStrategy}>
        <div ref={setNodeRef} className="column-body">
          {tasks.map((t) => (
            <SortableTaskCard key={t.id} task={t} slug={slug} disabled={!canWrite} />
          ))}
          {tasks.length === 0 && (
            <p className="muted small" style={{ textAlign: "center", padding: 12 }}>
              No tasks
            </p>
          )}
          {more && (
            <button
              type="button"
              className="btn btn-sm btn-ghost"
              onClick={more.load}
              disabled={more.pending}
              aria-label={`Load more tasks in ${status.name}`}
            >
              {more.pending ? "Loading…" : "Load more"}
            </button>
          )}
        </div>
      </SortableContext>
    </section>
  );
}

/** Where a drop lands: the target status, and the neighbours in that column (the dragged task left out). */
function dropTarget(tasks: Task[], activeId: string, overId: string): { statusId: string; after: Task | null; before: Task | null } | null {
  const active = tasks.find((t) => t.id === activeId);
  if (!active) return null;
  let statusId: string;
  let index: number;
  const others = (sid: string) => tasks.filter((t) => t.status.id === sid && t.id !== activeId).sort(byPosition);
  if (overId.startsWith(COLUMN)) {
    statusId = overId.slice(COLUMN.length);
    index = others(statusId).length;
  } else {
    const overTask = tasks.find((t) => t.id === overId);
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
  const { tasks, replace, update } = useLiveTasks({ initial: data.tasks, projectId: data.project.id, realtimeUrl, filters, me });
  const more = useColumnPages(data, filters, update);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [overStatus, setOverStatus] = useState<string | null>(null);
  const { canWrite } = data.project.permissions;
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const columns = useMemo(() => {
    const by = new Map<string, Task[]>(data.statuses.map((s) => [s.id, []]));
    for (const t of tasks) by.get(t.status.id)?.push(t);
    for (const list of by.values()) list.sort(byPosition);
    return by;
  }, [tasks, data.statuses]);

  const statusName = (id: string) => data.statuses.find((s) => s.id === id)?.name ?? "a column";
  const titleOf = (id: string | number) => tasks.find((t) => t.id === id)?.title ?? "task";
  const statusOfOver = (overId: string) =>
    overId.startsWith(COLUMN) ? overId.slice(COLUMN.length) : tasks.find((t) => t.id === overId)?.status.id;
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

  async function onDragEnd(event: DragEndEvent) {
    setActiveId(null);
    setOverStatus(null);
    if (!event.over) return;
    const task = tasks.find((t) => t.id === event.active.id);
    const target = dropTarget(tasks, String(event.active.id), String(event.over.id));
    if (!task || !target) return;
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
    replace(optimistic);
    const position = target.after || target.before ? { after: target.after?.id ?? null, before: target.before?.id ?? null } : undefined;
    const result = await updateTaskAction(
      task.id,
      { ...(sameColumn ? {} : { statusId: status.id }), ...(position ? { position } : {}) },
      task.version,
    );
    if (result.ok) {
      replace(result.data);
      return;
    }
    replace(task);
    toast(
      result.status === "PRECONDITION_FAILED"
        ? `“${task.title}” was changed by someone else meanwhile; your move was undone. Try again on the latest version.`
        : `Could not move “${task.title}”: ${result.error}`,
      "error",
    );
  }

  const active = activeId ? tasks.find((t) => t.id === activeId) : null;
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
      onDragStart={(e: DragStartEvent) => setActiveId(String(e.active.id))}
      onDragOver={(e: DragOverEvent) => setOverStatus(e.over ? (statusOfOver(String(e.over.id)) ?? null) : null)}
      onDragCancel={() => (setActiveId(null), setOverStatus(null))}
      onDragEnd={(e) => void onDragEnd(e)}
    >
      <div className="board" data-testid="board">
        {data.statuses.map((s) => (
          <Column
            key={s.id}
            status={s}
            tasks={columns.get(s.id) ?? []}
            over={overStatus === s.id && activeId !== null}
            slug={data.slug}
            onAdd={onAdd}
            canWrite={canWrite}
            more={more(s.id)}
          />
        ))}
      </div>
      <DragOverlay>{active ? <TaskCard task={active} slug={data.slug} overlay /> : null}</DragOverlay>
    </DndContext>
  );
}

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
  const load = (statusId: string, cursor: string) =>
    start(async () => {
      setPending(statusId);
      const r = await listTasksAction(data.project.id, { ...filters, status: statusId, sort: "position", limit: 100, cursor });
      setPending(null);
      if (!r.ok) return toast(`Could not load more tasks: ${r.error}`, "error");
      update((list) => [...list, ...r.data.data.filter((t) => !list.some((x) => x.id === t.id))]);
      setState((s) => ({ ...s, cursors: { ...s.cursors, [statusId]: r.data.nextCursor } }));
    });
  return (statusId: string) => {
    const cursor = cursors[statusId];
    const count = data.columns?.find((c) => c.statusId === statusId)?.count ?? 0;
    return cursor ? { count, load: () => load(statusId, cursor), pending: pending === statusId } : null;
  };
}

function cursorsOf(columns: ColumnInfo[] | undefined): Record<string, string | null> {
  return Object.fromEntries((columns ?? []).map((c) => [c.statusId, c.nextCursor]));
}
