"use client";
import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { applyTaskUpdatesAction, listTasksAction, updateTaskAction } from "@/app/actions/tasks";
import { toast, toastUndo } from "@/components/ui/toast";
import type { UpdateTaskInput } from "@/server/tasks";
import { TaskActionsHost } from "./pickers/task-actions";
import { upsert, useTaskWriter } from "./pickers/use-task-writer";
import { Column } from "./board-column";
import { createFieldsFor, laneChange, laneKeyOf, lanesOf, type Lane, type LaneKind } from "./board-lanes";
import { cellKey, COLUMN, dropTarget, inBoardOrder, parseCell, placements, sameSpot } from "./board-move";
import { useCollapsedColumns } from "./board-options";
import { byPosition, type Filters } from "./filters";
import { TaskCard } from "./task-card";
import type { BoardData, ColumnInfo, Task } from "./types";
import { useLiveTasks } from "./use-live-tasks";

/** The cards per cell (lane × status) in board order; a cell whose cards did not change keeps its array (and so its render). */
function useCells(tasks: Task[], cellOf: (t: Task) => string): Map<string, Task[]> {
  const [state, setState] = useState(() => ({ tasks, cellOf, cells: groupCells(tasks, cellOf, new Map()) }));
  if (state.tasks === tasks && state.cellOf === cellOf) return state.cells;
  // Derived state, adjusted during render (React re-runs this component before committing).
  const next = { tasks, cellOf, cells: groupCells(tasks, cellOf, state.cells) };
  setState(next);
  return next.cells;
}

function groupCells(tasks: Task[], cellOf: (t: Task) => string, previous: Map<string, Task[]>): Map<string, Task[]> {
  const by = new Map<string, Task[]>();
  for (const t of tasks) {
    const key = cellOf(t);
    const list = by.get(key);
    if (list) list.push(t);
    else by.set(key, [t]);
  }
  for (const [key, list] of by) {
    list.sort(byPosition);
    const old = previous.get(key);
    if (old && old.length === list.length && old.every((t, i) => t === list[i])) by.set(key, old);
  }
  return by;
}

/** After the frame that shows the optimistic move is painted: the server action waits for it. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

const NO_LANES: Lane[] = [{ key: "", name: "" }];
const NO_SELECTION: ReadonlySet<string> = new Set();

/** One card (or the selection) being moved: the task before, as shown at once, and the update the server gets. */
type Move = { before: Task; optimistic: Task; input: Parameters<typeof updateTaskAction>[1] };

export function Board({
  data,
  filters,
  me,
  realtimeUrl,
  onAdd,
  laneKind,
}: {
  data: BoardData;
  filters: Filters;
  me: string;
  realtimeUrl: string | null;
  onAdd: (statusId: string) => void;
  laneKind: LaneKind | null;
}) {
  const { tasks, update } = useLiveTasks({ initial: data.tasks, projectId: data.project.id, realtimeUrl, filters, me });
  const { more, loadMore } = useColumnPages(data, filters, update);
  const { collapsed, toggle: toggleCollapsed } = useCollapsedColumns(data.project.id);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [overCell, setOverCell] = useState<string | null>(null);
  const [dropped, setDropped] = useState<{ id: string } | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(NO_SELECTION);
  const { canWrite } = data.project.permissions;
  const boardRef = useRef<HTMLDivElement>(null);
  const writer = useTaskWriter({
    onSaved: (saved) => update((list) => upsert(list, saved)),
    onRemoved: (gone) => update((list) => list.filter((t) => t.id !== gone.id)),
  });
  // Mouse: a drag starts after 5 px, so a click without movement opens the task. Touch: after a short press
  // (then movement), so a swipe still scrolls the column. Keyboard: the card's handle, Space, arrows, Space.
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const cellOf = useCallback((t: Task) => cellKey(laneKind ? laneKeyOf(t, laneKind) : "", t.status.id), [laneKind]);
  const cells = useCells(tasks, cellOf);
  const byId = useMemo(() => new Map(tasks.map((t) => [t.id, t])), [tasks]);
  const lanes = useMemo(() => (laneKind ? lanesOf(laneKind, data, tasks) : NO_LANES), [laneKind, data, tasks]);
  const statusOrder = useMemo(() => data.statuses.map((s) => s.id), [data.statuses]);
  const loadedPerStatus = useMemo(() => {
    const by = new Map<string, number>();
    for (const t of tasks) by.set(t.status.id, (by.get(t.status.id) ?? 0) + 1);
    return by;
  }, [tasks]);
  // Selected cards that are still on the board, in board order.
  const selection = useMemo(
    () =>
      inBoardOrder(
        [...selected].map((id) => byId.get(id)).filter((t): t is Task => t !== undefined),
        statusOrder,
      ),
    [selected, byId, statusOrder],
  );

  const onSelect = useCallback(
    (id: string) =>
      setSelected((old) => {
        const next = new Set(old);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const clearSelection = useCallback(() => setSelected(NO_SELECTION), []);
  useEffect(() => {
    if (selected.size === 0) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !e.defaultPrevented && !document.querySelector("[role=dialog]")) setSelected(NO_SELECTION);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selected.size]);

  // A task added inline: shown at once; the live event for it (before or after) finds it there.
  const onCreated = useCallback(
    (task: Task) => {
      update((list) => (list.some((t) => t.id === task.id) ? list : [...list, task]));
      setDropped({ id: task.id });
    },
    [update],
  );

  // The click that ends a drag (mouse up over a card or a title) must not open the task.
  const dragging = useRef(false);
  const suppressClick = (e: React.MouseEvent) => {
    if (dragging.current) {
      e.preventDefault();
      e.stopPropagation();
    }
  };
  const dragEnded = () => setTimeout(() => (dragging.current = false), 0);

  const groupOf = (task: Task) => (selected.has(task.id) && selection.length > 1 ? selection : [task]);
  const statusName = (id: string) => data.statuses.find((s) => s.id === id)?.name ?? "a column";
  const titleOf = (id: string | number) => {
    const task = byId.get(String(id));
    if (!task) return "task";
    const n = groupOf(task).length;
    return n > 1 ? `${n} tasks` : task.title;
  };
  const cellName = (overId: string) => {
    const key = overId.startsWith(COLUMN) ? overId.slice(COLUMN.length) : byId.get(overId) ? cellOf(byId.get(overId)!) : null;
    if (key === null) return "a column";
    const { lane, statusId } = parseCell(key);
    const laneName = laneKind ? lanes.find((l) => l.key === lane)?.name : null;
    return laneName ? `${statusName(statusId)}, ${laneName}` : statusName(statusId);
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${titleOf(active.id)}. Use the arrow keys to move, space to drop, escape to cancel.`,
    onDragOver: ({ active, over }) =>
      over ? `${titleOf(active.id)} is over ${cellName(String(over.id))}.` : `${titleOf(active.id)} is not over a column.`,
    onDragEnd: ({ active, over }) =>
      over ? `${titleOf(active.id)} dropped in ${cellName(String(over.id))}.` : `${titleOf(active.id)} dropped.`,
    onDragCancel: ({ active }) => `Moving ${titleOf(active.id)} was cancelled.`,
  };

  /** The moves a drop makes: each card's new status, lane value and position, as shown and as sent. */
  function planMoves(task: Task, overId: string): Move[] | null {
    const group = groupOf(task);
    const drop = dropTarget({ cells, cellOf, moving: new Set(group.map((t) => t.id)), active: task, overId, byId });
    if (!drop) return null;
    if (group.length === 1 && sameSpot(task, drop, cellOf)) return null;
    const { lane, statusId } = parseCell(drop.key);
    const status = data.statuses.find((s) => s.id === statusId);
    if (!status) return null;
    return placements(drop, group).map(({ task: t, position, between }) => {
      const laned = laneKind ? laneChange(t, laneKind, lane, data) : { input: {}, task: t };
      const changes = { ...(t.status.id !== status.id ? { statusId: status.id } : {}), ...laned.input };
      // Without neighbours the server places a card last in its new column; a card that changes nothing
      // else (a selection dropped back in its own otherwise empty cell) gets the key shown.
      const input = between ? { ...changes, position: between } : Object.keys(changes).length ? changes : { ...changes, position };
      const optimistic: Task = {
        ...laned.task,
        status: { id: status.id, name: status.name, category: status.category as Task["status"]["category"] },
        position,
      };
      return { before: t, optimistic, input };
    });
  }

  /**
   * Optimistic: the cards move in this event's render (pointer-up → placed in one frame); the server action
   * is sent after that frame is painted, one request for a whole selection. A refusal or a failed request puts
   * the cards back, with a message.
   */
  async function onDragEnd(event: DragEndEvent) {
    setActiveId(null);
    setOverCell(null);
    dragEnded();
    if (!event.over) return;
    const task = byId.get(String(event.active.id));
    if (!task) return;
    const moves = planMoves(task, String(event.over.id));
    if (!moves) return;
    const optimistic = new Map(moves.map((m) => [m.before.id, m.optimistic]));
    update((list) => list.map((t) => optimistic.get(t.id) ?? t));
    setDropped({ id: task.id });
    if (moves.length > 1) setSelected(NO_SELECTION);
    await afterPaint();
    let result: Awaited<ReturnType<typeof applyTaskUpdatesAction>>;
    try {
      if (moves.length === 1) {
        const r = await updateTaskAction(task.id, moves[0]!.input, task.version);
        result = r.ok ? { ok: true, data: [r.data] } : r;
      } else {
        result = await applyTaskUpdatesAction(moves.map((m) => ({ ref: m.before.id, input: m.input, ifMatch: m.before.version })));
      }
    } catch {
      result = { ok: false, error: "the server could not be reached" };
    }
    if (result.ok) {
      const saved = new Map(result.data.map((t) => [t.id, t]));
      // A live event may have brought this version (or a later one) first.
      update((list) => list.map((t) => (saved.has(t.id) && t.version <= saved.get(t.id)!.version ? saved.get(t.id)! : t)));
      // Undo puts back exactly what the move changed (status, position, a lane's field), version-guarded like every write.
      const before = new Map(moves.map((m) => [m.before.id, m]));
      const savedList = result.data;
      const what = moves.length === 1 ? task.key : `${moves.length} tasks`;
      toastUndo(
        `Moved ${what} to ${moves[0]!.optimistic.status.name}`,
        () => void writer.save(savedList, (t) => revertMove(before.get(t.id)!)),
      );
      return;
    }
    // Undo only our own optimistic moves: a live event since then (someone else's change) wins.
    const undo = new Map(moves.map((m) => [m.optimistic, m.before]));
    update((list) => list.map((t) => undo.get(t) ?? t));
    const what = moves.length === 1 ? `“${task.title}”` : `${moves.length} tasks`;
    toast(
      result.status === "PRECONDITION_FAILED"
        ? `${what} changed meanwhile (someone else edited it); your move was undone. Try again on the latest version.`
        : `Could not move ${what}: ${result.error}. ${moves.length === 1 ? "The card is" : "The cards are"} back where ${moves.length === 1 ? "it was" : "they were"}.`,
      "error",
    );
  }

  const active = activeId ? byId.get(activeId) : null;
  const activeCount = active ? groupOf(active).length : 0;
  const renderColumns = (lane: Lane) =>
    data.statuses.map((s) => {
      const key = cellKey(lane.key, s.id);
      const list = cells.get(key) ?? EMPTY;
      const page = more(s.id);
      return (
        <Column
          key={key}
          cell={key}
          status={s}
          lane={laneKind ? lane.name : null}
          tasks={list}
          over={overCell === key && activeId !== null}
          onAdd={onAdd}
          canWrite={canWrite}
          dropped={dropped !== null && list.some((t) => t.id === dropped.id) ? dropped : null}
          more={laneKind ? null : page}
          onLoadMore={loadMore}
          statusCount={page ? Math.max(page.count, loadedPerStatus.get(s.id) ?? 0) : (loadedPerStatus.get(s.id) ?? 0)}
          collapsed={collapsed.has(s.id)}
          onToggleCollapse={toggleCollapsed}
          selected={selected}
          onSelect={onSelect}
          projectId={data.project.id}
          createFields={laneKind ? createFieldsFor(laneKind, lane.key) : NO_FIELDS}
          onCreated={onCreated}
        />
      );
    });
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable:
            "To move a task, press space or enter on its handle, use the arrow keys, then press space again to drop it. Press x to add it to the selection; dragging a selected task moves the whole selection.",
        },
      }}
      onDragStart={(e: DragStartEvent) => {
        dragging.current = true;
        setActiveId(String(e.active.id));
        setDropped(null);
      }}
      onDragOver={(e: DragOverEvent) => {
        const id = e.over ? String(e.over.id) : null;
        setOverCell(id === null ? null : id.startsWith(COLUMN) ? id.slice(COLUMN.length) : byId.has(id) ? cellOf(byId.get(id)!) : null);
      }}
      onDragCancel={() => (setActiveId(null), setOverCell(null), dragEnded())}
      onDragEnd={(e) => void onDragEnd(e)}
    >
      <div className="row small selection-bar" hidden={selection.length === 0}>
        <span role="status">
          {selection.length > 0 ? `${selection.length} selected: drag one of them to move them together. Esc clears.` : ""}
        </span>
        {selection.length > 0 && (
          <button type="button" className="btn btn-sm btn-ghost" onClick={clearSelection}>
            Clear selection
          </button>
        )}
      </div>
      <div data-testid="board" ref={boardRef} onClickCapture={suppressClick} className={laneKind ? "board-lanes" : "board"}>
        {laneKind
          ? lanes.map((lane) => (
              <section key={lane.key} className="lane" aria-labelledby={`lane-${lane.key}`} data-testid={`lane-${lane.name}`}>
                <h2 id={`lane-${lane.key}`} className="lane-head">
                  {lane.name}
                </h2>
                <div className="board">{renderColumns(lane)}</div>
              </section>
            ))
          : renderColumns(NO_LANES[0]!)}
      </div>
      <DragOverlay>
        {active ? (
          <div className="drag-stack">
            <TaskCard task={active} overlay />
            {activeCount > 1 && (
              <span className="badge drag-count" aria-hidden="true">
                {activeCount}
              </span>
            )}
          </div>
        ) : null}
      </DragOverlay>
      <TaskActionsHost
        container={boardRef}
        tasks={tasks}
        meta={{ statuses: data.statuses, labels: data.labels, people: data.people, me, fields: data.fields, cycles: data.cycles }}
        projectId={data.project.id}
        writer={writer}
        canWrite={canWrite}
      />
    </DndContext>
  );
}

const NO_FIELDS = {};
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

/** The change that takes a moved card back: its status and position, and the lane field the move set. */
function revertMove(move: { before: Task; input: UpdateTaskInput }): UpdateTaskInput {
  const { before, input } = move;
  return {
    statusId: before.status.id,
    position: before.position,
    ...("priority" in input ? { priority: before.priority } : {}),
    ...("assigneeIds" in input ? { assigneeIds: before.assignees.map((a) => a.id) } : {}),
    ...("labelIds" in input ? { labelIds: before.labels.map((l) => l.id) } : {}),
  };
}
