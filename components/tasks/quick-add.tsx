"use client";
import { useRef, useState } from "react";
import { createTaskAction } from "@/app/actions/tasks";
import { toast } from "@/components/ui/toast";
import type { Task } from "./types";

type Fields = { statusId: string; priority?: Task["priority"]; assigneeIds?: string[]; labelIds?: string[] };

/**
 * "+ Add task" at the bottom of a column (or of the list): type a title, Enter creates it and leaves the box
 * open, empty, for the next; Esc or leaving it empty closes it. Creates run one after another, so tasks
 * land in the order they were typed. The new-task dialog stays for the other fields.
 */
export function QuickAdd({
  projectId,
  fields,
  where,
  onCreated,
  children,
}: {
  projectId: string;
  fields: Fields;
  /** "Todo" or "Todo, Alice": names the button and the box for assistive technology. */
  where: string;
  onCreated: (task: Task) => void;
  /** Extra controls beside the title (the list's status select). */
  children?: React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState("");
  const [saving, setSaving] = useState(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const input = useRef<HTMLInputElement>(null);

  if (!open) {
    return (
      <button
        type="button"
        className="btn btn-sm btn-ghost quick-add-open"
        aria-label={`Add task to ${where}`}
        onClick={() => setOpen(true)}
      >
        + Add task
      </button>
    );
  }

  function submit() {
    const text = title.trim();
    if (!text) return;
    setTitle("");
    setSaving((n) => n + 1);
    queue.current = queue.current.then(async () => {
      let r: Awaited<ReturnType<typeof createTaskAction>>;
      try {
        r = await createTaskAction(projectId, { title: text, ...fields });
      } catch {
        r = { ok: false, error: "the server could not be reached" };
      }
      setSaving((n) => n - 1);
      if (r.ok) return onCreated(r.data);
      toast(`Could not add “${text}”: ${r.error}`, "error");
      setTitle((t) => t || text);
    });
  }

  return (
    <form
      className="quick-add"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
        input.current?.focus();
      }}
    >
      <input
        ref={input}
        type="text"
        autoFocus
        value={title}
        maxLength={500}
        aria-label={`New task title in ${where}`}
        placeholder="Task title, Enter to add"
        onChange={(e) => setTitle(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.preventDefault();
            e.stopPropagation();
            setTitle("");
            setOpen(false);
          }
        }}
        onBlur={(e) => {
          // Clicking elsewhere with nothing typed closes the box; a click on its own controls does not.
          if (!title.trim() && !e.currentTarget.form?.contains(e.relatedTarget as Node | null)) setOpen(false);
        }}
      />
      {children}
      <span className="sr-only" role="status">
        {saving > 0 ? "Adding…" : ""}
      </span>
    </form>
  );
}
