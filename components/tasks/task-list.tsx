"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { listTasksAction } from "@/app/actions/tasks";
import { toast } from "@/components/ui/toast";
import { BulkBar } from "./bulk-bar";
import { PropertyCell, TaskActionsHost } from "./pickers/task-actions";
import { fieldKind } from "./fields/field-specs";
import { upsert, useTaskWriter } from "./pickers/use-task-writer";
import type { Filters } from "./filters";
import type { TaskListInput } from "@/server/tasks/filters";
import { PRIORITIES, PRIORITY_LABEL, type BoardData, type Task } from "./types";
import { useLiveTasks } from "./use-live-tasks";

type TaskListSort = TaskListInput["sort"];
type Row = { kind: "group"; label: string; count: number } | { kind: "task"; task: Task };
const GROUPS = { none: "No grouping", status: "Status", assignee: "Assignee", priority: "Priority" } as const;
type GroupBy = keyof typeof GROUPS;
const SORTS = {
  position: "Board order",
  "-updated": "Recently updated",
  "-created": "Newest",
  created: "Oldest",
  priority: "Priority",
  due: "Due date",
  relevance: "Relevance",
} as const;

function groupRows(tasks: Task[], by: GroupBy, data: BoardData): Row[] {
  if (by === "none") return tasks.map((task) => ({ kind: "task", task }));
  const groups = new Map<string, { label: string; tasks: Task[] }>();
  const order: string[] =
    by === "status"
      ? data.statuses.map((s) => s.id)
      : by === "priority"
        ? [...PRIORITIES].reverse()
        : [...data.people.map((p) => p.id), "none"];
  for (const k of order)
    groups.set(k, {
      label:
        by === "status"
          ? data.statuses.find((s) => s.id === k)!.name
          : by === "priority"
            ? PRIORITY_LABEL[k as keyof typeof PRIORITY_LABEL]
            : (data.people.find((p) => p.id === k)?.name ?? "Unassigned"),
      tasks: [],
    });
  for (const t of tasks) {
    const keys =
      by === "status" ? [t.status.id] : by === "priority" ? [t.priority] : t.assignees.length ? t.assignees.map((a) => a.id) : ["none"];
    for (const k of keys) {
      if (!groups.has(k)) groups.set(k, { label: by === "assignee" ? (t.assignees.find((a) => a.id === k)?.name ?? k) : k, tasks: [] });
      groups.get(k)!.tasks.push(t);
    }
  }
  return [...groups.values()]
    .filter((g) => g.tasks.length)
    .flatMap((g) => [
      { kind: "group", label: g.label, count: g.tasks.length } as Row,
      ...g.tasks.map((task) => ({ kind: "task", task }) as Row),
    ]);
}

/** What the server render assumes the list's scroller shows, before it is measured. */
const LIST_RECT = { width: 1000, height: 640 };

/** A virtualised table: only the rows on screen are in the DOM, so 10,000 tasks scroll smoothly. */
export function TaskList({
  data,
  filters,
  me,
  realtimeUrl,
}: {
  data: BoardData;
  filters: Filters;
  me: string;
  realtimeUrl: string | null;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const { tasks, update } = useLiveTasks({ initial: data.tasks, projectId: data.project.id, realtimeUrl, filters, me });
  const groupBy = (params.get("group") ?? "none") as GroupBy;
  const sort = params.get("sort") ?? (params.get("q") ? "relevance" : "position");
  const rows = useMemo(() => groupRows(tasks, GROUPS[groupBy] ? groupBy : "none", data), [tasks, groupBy, data]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [cursor, setCursor] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]?.kind === "group" ? 32 : 40),
    overscan: 12,
    // The server render (and hydration) shows the first screen of rows; the real size is measured after.
    initialRect: LIST_RECT,
  });
  const { canWrite } = data.project.permissions;
  const writer = useTaskWriter({
    onSaved: (saved) => update((list) => upsert(list, saved)),
    onRemoved: (gone) => update((list) => list.filter((t) => t.id !== gone.id)),
  });
  const pickerMeta = useMemo(
    () => ({ statuses: data.statuses, labels: data.labels, people: data.people, me, fields: data.fields, cycles: data.cycles }),
    [data, me],
  );
  const fields = data.fields ?? [];
  // One column per custom field after the built-in ones (globals.css appends --field-cols).
  const fieldCols = { "--field-cols": fields.map(() => "130px").join(" ") } as React.CSSProperties;
  const lastShown = virtual.getVirtualItems().at(-1)?.index ?? 0;
  useNextPages(data, filters, update, lastShown >= rows.length - 20);

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(key, value);
    else next.delete(key);
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };
  const open = (task: Task) => setParam("task", task.key);
  const taskIndexes = rows.flatMap((r, i) => (r.kind === "task" ? [i] : []));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement;
      if (
        e.metaKey ||
        e.ctrlKey ||
        e.altKey ||
        ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName) ||
        document.querySelector("[role=dialog]")
      )
        return;
      const at = taskIndexes.indexOf(cursor);
      if (e.key === "j" || e.key === "k") {
        e.preventDefault();
        const next = taskIndexes[Math.max(0, Math.min(taskIndexes.length - 1, at + (e.key === "j" ? 1 : -1)))];
        if (next !== undefined) {
          setCursor(next);
          virtual.scrollToIndex(next, { align: "auto" });
        }
      } else if (e.key === "Enter" && !el.closest("button, a") && rows[cursor]?.kind === "task") {
        e.preventDefault();
        open((rows[cursor] as { task: Task }).task);
      } else if (e.key === "x" && rows[cursor]?.kind === "task") {
        const id = (rows[cursor] as { task: Task }).task.id;
        setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const allIds = tasks.map((t) => t.id);
  const allSelected = selected.size > 0 && allIds.every((id) => selected.has(id));
  return (
    <div>
      <div className="toolbar">
        <label htmlFor="list-group">Group by</label>
        <select id="list-group" value={groupBy} onChange={(e) => setParam("group", e.target.value === "none" ? "" : e.target.value)}>
          {Object.entries(GROUPS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
        <label htmlFor="list-sort">Sort</label>
        <select id="list-sort" value={sort} onChange={(e) => setParam("sort", e.target.value)}>
          {Object.entries(SORTS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
        <span className="muted small" aria-live="polite">
          {tasks.length.toLocaleString("en")} tasks · J/K to move, Enter to open, X to select, S/A/L/P/D/E to edit
        </span>
      </div>
      {canWrite && selected.size > 0 && (
        <BulkBar
          data={data}
          me={me}
          writer={writer}
          tasks={tasks.filter((t) => selected.has(t.id))}
          onDone={() => setSelected(new Set())}
          onClear={() => setSelected(new Set())}
        />
      )}
      <div
        className="list-scroll"
        ref={scroller}
        role="table"
        aria-label={`Tasks of ${data.project.name}`}
        aria-rowcount={rows.length + 1}
        data-testid="task-list"
      >
        <div className="list-head" role="row" aria-rowindex={1} style={fieldCols}>
          <span role="columnheader">
            <input
              type="checkbox"
              aria-label="Select all tasks"
              checked={allSelected}
              onChange={(e) => setSelected(e.target.checked ? new Set(allIds) : new Set())}
              disabled={!canWrite}
            />
          </span>
          <span role="columnheader">Key</span>
          <span role="columnheader">Title</span>
          <span role="columnheader">Status</span>
          <span role="columnheader" className="hide-phone">
            Priority
          </span>
          <span role="columnheader" className="hide-phone">
            Assignees
          </span>
          <span role="columnheader" className="hide-phone">
            Due
          </span>
          {fields.map((f) => (
            <span key={f.id} role="columnheader" className="hide-phone truncate">
              {f.name}
            </span>
          ))}
        </div>
        {rows.length === 0 && (
          <div className="empty" style={{ margin: 16 }}>
            No tasks match these filters.
          </div>
        )}
        <div style={{ height: virtual.getTotalSize(), position: "relative" }}>
          {virtual.getVirtualItems().map((v) => {
            const row = rows[v.index]!;
            const style = { position: "absolute" as const, top: 0, left: 0, right: 0, transform: `translateY(${v.start}px)` };
            if (row.kind === "group")
              return (
                <div key={`g-${v.index}`} className="list-group" role="row" aria-rowindex={v.index + 2} style={style}>
                  <span role="cell">
                    {row.label} <span className="muted small">{row.count}</span>
                  </span>
                </div>
              );
            const t = row.task;
            return (
              <div
                key={`${t.id}-${v.index}`}
                className="list-row"
                role="row"
                aria-rowindex={v.index + 2}
                aria-selected={selected.has(t.id)}
                data-cursor={v.index === cursor}
                data-task-id={t.id}
                style={{ ...style, ...fieldCols, outline: v.index === cursor ? "2px solid var(--focus)" : undefined, outlineOffset: -2 }}
                onClick={() => setCursor(v.index)}
              >
                <span role="cell">
                  <input
                    type="checkbox"
                    aria-label={`Select ${t.key}`}
                    checked={selected.has(t.id)}
                    disabled={!canWrite}
                    onChange={(e) =>
                      setSelected((s) => (e.target.checked ? new Set([...s, t.id]) : new Set([...s].filter((x) => x !== t.id))))
                    }
                  />
                </span>
                <span role="cell" className="mono muted small">
                  {t.key}
                </span>
                <span role="cell" className="truncate">
                  <a href={`?task=${t.key}`} onClick={(e) => (e.preventDefault(), open(t))}>
                    {t.title}
                  </a>
                </span>
                <span role="cell" className="truncate">
                  <PropertyCell kind="status" task={t} meta={pickerMeta} disabled={!canWrite} />
                </span>
                <span role="cell" className="hide-phone">
                  <PropertyCell kind="priority" task={t} meta={pickerMeta} disabled={!canWrite} />
                </span>
                <span role="cell" className="hide-phone">
                  <PropertyCell kind="assignees" task={t} meta={pickerMeta} disabled={!canWrite} />
                </span>
                <span role="cell" className="hide-phone row" style={{ flexWrap: "nowrap", gap: 2 }}>
                  <PropertyCell kind="due" task={t} meta={pickerMeta} disabled={!canWrite} />
                  {canWrite && (
                    <button
                      type="button"
                      className="icon-btn card-menu"
                      data-task-menu
                      aria-haspopup="menu"
                      aria-label={`Actions for ${t.key}`}
                    >
                      …
                    </button>
                  )}
                </span>
                {fields.map((f) => (
                  <span key={f.id} role="cell" className="hide-phone">
                    <PropertyCell kind={fieldKind(f)} task={t} meta={pickerMeta} disabled={!canWrite} />
                  </span>
                ))}
              </div>
            );
          })}
        </div>
      </div>
      <TaskActionsHost
        container={scroller}
        tasks={tasks}
        meta={pickerMeta}
        projectId={data.project.id}
        writer={writer}
        canWrite={canWrite}
      />
    </div>
  );
}

/** The list is served a page at a time: the next one loads as the end of the rows scrolls into view. */
function useNextPages(data: BoardData, filters: Filters, update: (fn: (list: Task[]) => Task[]) => void, nearEnd: boolean) {
  const [state, setState] = useState({ initial: data.tasks, cursor: data.list?.nextCursor ?? null });
  // A new server render (filters changed, refresh) starts over from its own first page.
  if (state.initial !== data.tasks) setState({ initial: data.tasks, cursor: data.list?.nextCursor ?? null });
  const cursor = state.initial === data.tasks ? state.cursor : (data.list?.nextCursor ?? null);
  const [pending, start] = useTransition();
  useEffect(() => {
    if (!nearEnd || !cursor || pending) return;
    start(async () => {
      const r = await listTasksAction(data.project.id, { ...filters, sort: data.list?.sort as TaskListSort, limit: 100, cursor });
      if (!r.ok) {
        setState((s) => ({ ...s, cursor: null }));
        return toast(`Could not load more tasks: ${r.error}`, "error");
      }
      update((list) => [...list, ...r.data.data.filter((t) => !list.some((x) => x.id === t.id))]);
      setState((s) => (s.initial === data.tasks ? { ...s, cursor: r.data.nextCursor } : s));
    });
  }, [nearEnd, cursor, pending, data, filters, update]);
}
