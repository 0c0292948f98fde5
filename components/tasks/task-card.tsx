"use client";
import type { DraggableAttributes, DraggableSyntheticListeners } from "@dnd-kit/core";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import Link from "next/link";
import { memo, useCallback, useMemo } from "react";
import { initials } from "@/components/ui/initials";
import { Icon } from "@/components/ui/icons";
import { PriorityBadge, DueDate } from "@/components/tasks/task-badges";
import type { Task } from "./types";
import { CardFields } from "./fields/card-fields";

/** The keyboard's drag handle: dnd-kit's attributes and listeners (memoised by dnd-kit) and its activator ref. */
type Handle = {
  attributes: DraggableAttributes;
  onKeyDown: React.KeyboardEventHandler | undefined;
  setRef: (el: HTMLElement | null) => void;
};
type CardProps = { task: Task; overlay?: boolean; handle?: Handle; selected?: boolean };

/**
 * One card. Memoised on stable props (the task object, the handle's parts), so a drag that re-renders
 * the sortable wrappers around it does not re-render its body.
 */
export const TaskCard = memo(function TaskCard({ task, overlay, handle, selected }: CardProps) {
  return (
    <div
      className="task-card"
      data-selected={selected || undefined}
      style={overlay ? { boxShadow: "var(--shadow)", cursor: "grabbing" } : undefined}
    >
      <div className="row-between small muted">
        <span className="mono">{task.key}</span>
        {!overlay && (
          <button type="button" className="icon-btn card-menu" data-task-menu aria-haspopup="menu" aria-label={`Actions for ${task.key}`}>
            …
          </button>
        )}
        {handle && (
          <button
            type="button"
            ref={handle.setRef}
            className="icon-btn"
            style={{ width: 22, height: 22, cursor: "grab" }}
            {...handle.attributes}
            onKeyDown={handle.onKeyDown}
            aria-label={`Move ${task.key} ${task.title}`}
            aria-roledescription="draggable task"
            aria-pressed={selected ? true : undefined}
          >
            <Icon name="grip" size={14} />
          </button>
        )}
      </div>
      <Link
        className="task-card-title"
        href={`?task=${task.key}`}
        scroll={false}
        prefetch={false}
        data-task-link={task.key}
        draggable={false}
      >
        {task.title}
      </Link>
      <div className="task-card-meta">
        <PriorityBadge priority={task.priority} />
        {task.labels.map((l) => (
          <span key={l.id} className="badge">
            <span className="dot" style={{ background: l.color }} aria-hidden="true" />
            {l.name}
          </span>
        ))}
        <DueDate date={task.dueDate} done={task.completedAt !== null} />
        {task.seriesId && (
          <span className="badge" title="Repeats" role="img" aria-label="Recurring task" data-recurring>
            <Icon name="repeat" size={12} />
          </span>
        )}
        <span className="grow" />
        {task.assignees.map((a) => (
          <span key={a.id} className="avatar" title={a.name} aria-label={`Assigned to ${a.name}`} role="img">
            {initials(a.name)}
          </span>
        ))}
      </div>
      <CardFields task={task} />
    </div>
  );
});

/** A keydown or click meant for a control inside the card (the title link, a button), not for the card. */
const onControl = (target: EventTarget) =>
  target instanceof Element && target.closest("input, textarea, select, [contenteditable]") !== null;

/**
 * Mouse and touch drag the whole card, title included (a drag starts after a few pixels, so a click still
 * opens the task); the keyboard drags it through its handle button. Shift/Ctrl/⌘-click or `x` on the
 * focused card adds it to the selection or takes it out. `measure` is the column virtualiser's measuring
 * ref (the wrapper carries `data-index` for it).
 */
export const SortableTaskCard = memo(function SortableTaskCard({
  task,
  index,
  disabled,
  selected,
  onSelect,
  measure,
}: {
  task: Task;
  index: number;
  disabled: boolean;
  selected: boolean;
  onSelect: (id: string) => void;
  measure?: (el: Element | null) => void;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: task.id,
    disabled,
  });
  const ref = useCallback(
    (el: HTMLDivElement | null) => {
      setNodeRef(el);
      measure?.(el);
    },
    [setNodeRef, measure],
  );
  const on = listeners as DraggableSyntheticListeners;
  const onKeyDown = on?.onKeyDown as React.KeyboardEventHandler | undefined;
  // Rebuilt only when one of its parts changes (dnd-kit memoises each), so the memoised body skips the drag's re-renders.
  const handle = useMemo(
    () => (disabled ? undefined : { attributes, onKeyDown, setRef: setActivatorNodeRef }),
    [disabled, attributes, onKeyDown, setActivatorNodeRef],
  );
  return (
    <div
      ref={ref}
      data-index={index}
      style={transform || transition ? { transform: CSS.Translate.toString(transform), transition } : undefined}
      data-dragging={isDragging}
      data-selected={selected}
      data-testid={`card-${task.key}`}
      data-task-id={task.id}
      className="card-slot"
      onMouseDown={on?.onMouseDown as React.MouseEventHandler | undefined}
      onTouchStart={on?.onTouchStart as React.TouchEventHandler | undefined}
      onClickCapture={(e) => {
        if (!(e.shiftKey || e.metaKey || e.ctrlKey)) return;
        // A modified click selects (instead of opening the link in a new tab or window).
        e.preventDefault();
        e.stopPropagation();
        onSelect(task.id);
      }}
      onClick={(e) => {
        // A click on the card outside its title and buttons opens it, like a click on the title.
        if (e.defaultPrevented || (e.target instanceof Element && e.target.closest("a, button"))) return;
        e.currentTarget.querySelector<HTMLElement>("[data-task-link]")?.click();
      }}
      onKeyDown={(e) => {
        if (e.key !== "x" || e.metaKey || e.ctrlKey || e.altKey || onControl(e.target)) return;
        e.preventDefault();
        onSelect(task.id);
      }}
    >
      <TaskCard task={task} handle={handle} selected={selected} />
    </div>
  );
});
