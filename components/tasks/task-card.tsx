"use client";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import Link from "next/link";
import { initials } from "@/components/ui/initials";
import { Icon } from "@/components/ui/icons";
import { PriorityBadge, DueDate } from "@/components/tasks/task-badges";
import type { Task } from "./types";

type CardProps = { task: Task; slug: string; overlay?: boolean; handle?: React.ReactNode };

export function TaskCard({ task, overlay, handle }: CardProps) {
  return (
    <div className="task-card" style={overlay ? { boxShadow: "var(--shadow)", cursor: "grabbing" } : undefined}>
      <div className="row-between small muted">
        <span className="mono">{task.key}</span>
        {handle}
      </div>
      <Link
        className="task-card-title"
        href={`?task=${task.key}`}
        scroll={false}
        data-task-link={task.key}
        onPointerDown={(e) => e.stopPropagation()}
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
        <span className="grow" />
        {task.assignees.map((a) => (
          <span key={a.id} className="avatar" title={a.name} aria-label={`Assigned to ${a.name}`} role="img">
            {initials(a.name)}
          </span>
        ))}
      </div>
    </div>
  );
}

/** Mouse and touch drag the whole card; the keyboard drags it through its handle button. */
export function SortableTaskCard({ task, slug, disabled }: { task: Task; slug: string; disabled: boolean }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: task.id,
    disabled,
  });
  const style = { transform: CSS.Translate.toString(transform), transition };
  return (
    <div
      ref={setNodeRef}
      style={style}
      data-dragging={isDragging}
      data-testid={`card-${task.key}`}
      onPointerDown={listeners?.onPointerDown as React.PointerEventHandler | undefined}
    >
      <TaskCard
        task={task}
        slug={slug}
        handle={
          disabled ? null : (
            <button
              type="button"
              ref={setActivatorNodeRef}
              className="icon-btn"
              style={{ width: 22, height: 22, cursor: "grab" }}
              {...attributes}
              onKeyDown={listeners?.onKeyDown as React.KeyboardEventHandler | undefined}
              aria-label={`Move ${task.key} ${task.title}`}
              aria-roledescription="draggable task"
            >
              <Icon name="grip" size={14} />
            </button>
          )
        }
      />
    </div>
  );
}
