"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createTaskAction } from "@/app/actions/tasks";
import { Dialog } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import { PRIORITIES, PRIORITY_LABEL, type BoardData, type Task } from "./types";

/** Quick task creation (shortcut c); the board shows the new task at once, others see it live. */
export function NewTaskDialog({
  data,
  statusId,
  parentId,
  onClose,
  onCreated,
}: {
  data: BoardData;
  statusId?: string;
  parentId?: string;
  onClose: () => void;
  onCreated?: (task: Task) => void;
}) {
  const router = useRouter();
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [pending, start] = useTransition();
  const defaultStatus = statusId ?? data.statuses.find((s) => s.isDefault)?.id ?? data.statuses[0]?.id;
  return (
    <Dialog title={parentId ? "New subtask" : "New task"} onClose={onClose}>
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          const assignee = String(form.get("assignee") ?? "");
          start(async () => {
            const r = await createTaskAction(data.project.id, {
              title: String(form.get("title") ?? ""),
              description: String(form.get("description") ?? "") || undefined,
              statusId: String(form.get("statusId") ?? "") || undefined,
              priority: (String(form.get("priority") ?? "none") || "none") as Task["priority"],
              assigneeIds: assignee ? [assignee] : undefined,
              dueDate: String(form.get("dueDate") ?? "") || undefined,
              parentId,
            });
            if (!r.ok) {
              const [field, message] = Object.entries(r.fieldErrors ?? {})[0] ?? [];
              setError(field ? { field, message: message! } : { message: r.error });
              return;
            }
            toast(`Created ${r.data.key}`);
            onCreated?.(r.data);
            onClose();
            router.refresh();
          });
        }}
      >
        <div className="field">
          <label htmlFor="new-task-title">Title</label>
          <input
            id="new-task-title"
            name="title"
            type="text"
            required
            autoFocus
            aria-invalid={error?.field === "title" || undefined}
            aria-describedby={error?.field === "title" ? "new-task-title-error" : undefined}
          />
          {error?.field === "title" && (
            <span id="new-task-title-error" className="field-error" role="alert">
              {error.message}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor="new-task-description">Description (markdown)</label>
          <textarea id="new-task-description" name="description" rows={4} />
        </div>
        <div className="row">
          <div className="field grow">
            <label htmlFor="new-task-status">Status</label>
            <select id="new-task-status" name="statusId" defaultValue={defaultStatus}>
              {data.statuses.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field grow">
            <label htmlFor="new-task-priority">Priority</label>
            <select id="new-task-priority" name="priority" defaultValue="none">
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {PRIORITY_LABEL[p]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="row">
          <div className="field grow">
            <label htmlFor="new-task-assignee">Assignee</label>
            <select id="new-task-assignee" name="assignee" defaultValue="">
              <option value="">Unassigned</option>
              {data.people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field grow">
            <label htmlFor="new-task-due">Due date</label>
            <input id="new-task-due" name="dueDate" type="date" />
          </div>
        </div>
        {error && !error.field && (
          <p className="alert" role="alert">
            {error.message}
          </p>
        )}
        {error?.field && error.field !== "title" && (
          <p className="alert" role="alert">
            {error.field}: {error.message}
          </p>
        )}
        <div className="row">
          <button type="submit" className="btn btn-primary" disabled={pending}>
            {pending ? "Creating…" : "Create task"}
          </button>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
