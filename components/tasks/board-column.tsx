"use client";
import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { COLUMN } from "./board-move";
import { QuickAdd } from "./quick-add";
import { SortableTaskCard } from "./task-card";
import type { StatusInfo, Task } from "./types";

/** Card height before it is measured (a title line and one meta line), and the gap between cards. */
const CARD_ESTIMATE = 84;
const CARD_GAP = 6;
/** What the server render and the first client render assume a column shows, before the column is measured. */
const COLUMN_RECT = { width: 264, height: 720 };

export type ColumnProps = {
  /** The cell: "<lane>|<statusId>" (see board-move.ts). */
  cell: string;
  status: StatusInfo;
  /** The swimlane's name, or null without swimlanes. */
  lane: string | null;
  tasks: Task[];
  over: boolean;
  onAdd: (statusId: string) => void;
  canWrite: boolean;
  /** A card just dropped here: scrolled into view if it landed off screen (a new object per drop). */
  dropped: { id: string } | null;
  more: { count: number; pending: boolean } | null;
  onLoadMore: (statusId: string) => void;
  /** Tasks in the status (all lanes, beyond the loaded ones) against its WIP limit. */
  statusCount: number;
  collapsed: boolean;
  onToggleCollapse: (statusId: string) => void;
  selected: ReadonlySet<string>;
  onSelect: (id: string) => void;
  projectId: string;
  /** What a task added here starts with besides its status: the lane's value. */
  createFields: { priority?: Task["priority"]; assigneeIds?: string[]; labelIds?: string[] };
  onCreated: (task: Task) => void;
};

/**
 * A column (of a swimlane, when the board has them). Memoised: its props are stable (its own card array,
 * kept while its cards are unchanged), so a move re-renders the columns it touches, not the board.
 */
export const Column = memo(function Column(props: ColumnProps) {
  const { cell, status, lane, tasks, over, onAdd, canWrite, dropped, more, onLoadMore, statusCount, collapsed } = props;
  const { setNodeRef } = useDroppable({ id: COLUMN + cell });
  const headingId = `col-${cell.replace(/[^a-zA-Z0-9-]/g, "-")}`;
  const ids = useMemo(() => tasks.map((t) => t.id), [tasks]);
  const where = lane ? `${status.name}, ${lane}` : status.name;
  const overLimit = status.wipLimit !== null && statusCount > status.wipLimit;
  const Heading = lane ? "h3" : "h2";
  const countLabel = more ? `${tasks.length} of ${more.count} tasks shown` : `${tasks.length} tasks`;
  const wipLabel =
    status.wipLimit === null
      ? ""
      : overLimit
        ? `, over the WIP limit: ${statusCount} tasks in ${status.name}, limit ${status.wipLimit}`
        : `, WIP limit ${status.wipLimit}`;
  const head = (
    <div className="column-head">
      <span className="dot" style={{ background: status.color }} aria-hidden="true" />
      <Heading id={headingId} style={{ fontSize: 14, margin: 0 }}>
        {lane ? <span className="sr-only">{lane}: </span> : null}
        {status.name}
      </Heading>
      <span className="muted small" aria-label={countLabel + wipLabel}>
        {more ? `${tasks.length} of ${more.count}` : tasks.length}
        {status.wipLimit !== null && ` / ${status.wipLimit}`}
      </span>
      {overLimit && !collapsed && (
        <span className="badge wip-over" aria-hidden="true">
          Over WIP limit
        </span>
      )}
      <span className="grow" />
      <button
        type="button"
        className="icon-btn column-toggle"
        aria-expanded={!collapsed}
        aria-label={`${collapsed ? "Expand" : "Collapse"} ${where}`}
        title={collapsed ? "Expand column" : "Collapse column"}
        onClick={() => props.onToggleCollapse(status.id)}
      >
        {collapsed ? "›" : "‹"}
      </button>
      {canWrite && !collapsed && (
        <button
          type="button"
          className="icon-btn"
          style={{ width: 26, height: 26 }}
          aria-label={`New task in ${where}`}
          onClick={() => onAdd(status.id)}
        >
          +
        </button>
      )}
    </div>
  );
  if (collapsed) {
    return (
      <section
        ref={setNodeRef}
        className="column column-collapsed"
        aria-labelledby={headingId}
        data-over={over}
        data-wip-over={overLimit}
        data-collapsed="true"
        data-testid={`column-${status.name}`}
      >
        {head}
      </section>
    );
  }
  return (
    <section
      className="column"
      aria-labelledby={headingId}
      data-over={over}
      data-wip-over={overLimit}
      data-testid={`column-${status.name}`}
    >
      {head}
      <SortableContext id={cell} items={ids} strategy={verticalListSortingStrategy}>
        <ColumnCards
          tasks={tasks}
          setDroppableRef={setNodeRef}
          canWrite={canWrite}
          dropped={dropped}
          selected={props.selected}
          onSelect={props.onSelect}
        >
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
      {canWrite && (
        <div className="column-foot">
          <QuickAdd
            projectId={props.projectId}
            fields={{ statusId: status.id, ...props.createFields }}
            where={where}
            onCreated={props.onCreated}
          />
        </div>
      )}
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
  selected,
  onSelect,
  children,
}: {
  tasks: Task[];
  setDroppableRef: (el: HTMLElement | null) => void;
  canWrite: boolean;
  dropped: { id: string } | null;
  selected: ReadonlySet<string>;
  onSelect: (id: string) => void;
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
              selected={selected.has(tasks[v.index]!.id)}
              onSelect={onSelect}
              measure={measuring ? virtual.measureElement : undefined}
            />
          ))}
        </div>
      )}
      {children}
    </div>
  );
}
