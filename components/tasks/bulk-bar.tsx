"use client";
import { useTransition } from "react";
import { bulkUpdateTasksAction } from "@/app/actions/tasks";
import { refusalMessage } from "@/components/ui/field-errors";
import { toast } from "@/components/ui/toast";
import type { UpdateTaskInput } from "@/server/tasks";
import { PRIORITIES, PRIORITY_LABEL, type BoardData, type Task } from "./types";

/** Applies one change to every selected task in one transaction: all change, or none and the refusal names the task. */
export function BulkBar({
  data,
  ids,
  onDone,
  onClear,
}: {
  data: BoardData;
  ids: string[];
  onDone: (updated: Task[]) => void;
  onClear: () => void;
}) {
  const [pending, start] = useTransition();
  const apply = (input: UpdateTaskInput) =>
    start(async () => {
      const r = await bulkUpdateTasksAction(ids, input);
      if (!r.ok) return toast(`${refusalMessage(r, { withSummary: true })}. Nothing was changed.`, "error");
      onDone(r.data);
      toast(`Updated ${r.data.length} task(s)`);
    });
  return (
    <div className="toolbar card" style={{ padding: 8 }} role="region" aria-label="Bulk edit" aria-busy={pending}>
      <strong>{ids.length} selected</strong>
      <label htmlFor="bulk-status" className="sr-only">
        Set status
      </label>
      <select id="bulk-status" value="" onChange={(e) => e.target.value && apply({ statusId: e.target.value })} disabled={pending}>
        <option value="">Set status…</option>
        {data.statuses.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <label htmlFor="bulk-priority" className="sr-only">
        Set priority
      </label>
      <select
        id="bulk-priority"
        value=""
        onChange={(e) => e.target.value && apply({ priority: e.target.value as Task["priority"] })}
        disabled={pending}
      >
        <option value="">Set priority…</option>
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {PRIORITY_LABEL[p]}
          </option>
        ))}
      </select>
      <label htmlFor="bulk-assignee" className="sr-only">
        Set assignee
      </label>
      <select
        id="bulk-assignee"
        value=""
        onChange={(e) => e.target.value && apply({ assigneeIds: e.target.value === "none" ? [] : [e.target.value] })}
        disabled={pending}
      >
        <option value="">Assign to…</option>
        <option value="none">Nobody</option>
        {data.people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <button type="button" className="btn btn-ghost" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
