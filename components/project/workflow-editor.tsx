"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createStatusAction, removeStatusAction, updateStatusAction } from "@/app/actions/projects";
import type { ActionResult } from "@/app/lib/action";
import type { StatusInfo } from "@/components/tasks/types";
import { refusalMessage } from "@/components/ui/field-errors";

const CATEGORIES = ["backlog", "unstarted", "started", "completed", "canceled"] as const;

/** Statuses: rename, recolour, WIP limit, reorder (buttons, so the keyboard can do it), make default, delete with a target. */
export function WorkflowEditor({ projectId, statuses, canEdit }: { projectId: string; statuses: StatusInfo[]; canEdit: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<{ at: string; text: string } | null>(null);
  const [pending, start] = useTransition();
  const [moveTo, setMoveTo] = useState<Record<string, string>>({});
  const act = (at: string, fn: () => Promise<ActionResult<unknown>>) =>
    start(async () => {
      const r = await fn();
      if (!r.ok) return setError({ at, text: refusalMessage(r) });
      setError(null);
      router.refresh();
    });
  return (
    <div className="stack">
      <table className="table">
        <caption className="sr-only">Workflow statuses, in board order</caption>
        <thead>
          <tr>
            <th scope="col">Colour</th>
            <th scope="col">Name</th>
            <th scope="col" className="hide-phone">
              Category
            </th>
            <th scope="col">WIP limit</th>
            <th scope="col">Order</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {statuses.map((s, i) => (
            <tr key={s.id}>
              <td>
                <input
                  type="color"
                  aria-label={`Colour of ${s.name}`}
                  defaultValue={s.color}
                  disabled={!canEdit || pending}
                  onBlur={(e) =>
                    e.target.value !== s.color && act(s.id, () => updateStatusAction(projectId, s.id, { color: e.target.value }))
                  }
                />
              </td>
              <td>
                <input
                  type="text"
                  aria-label={`Name of status ${s.name}`}
                  defaultValue={s.name}
                  disabled={!canEdit || pending}
                  onBlur={(e) =>
                    e.target.value.trim() !== s.name && act(s.id, () => updateStatusAction(projectId, s.id, { name: e.target.value }))
                  }
                />
                {s.isDefault && <span className="small muted">Default for new tasks</span>}
                {error?.at === s.id && (
                  <div className="field-error" role="alert">
                    {error.text}
                  </div>
                )}
              </td>
              <td className="hide-phone">{s.category}</td>
              <td>
                <input
                  type="number"
                  min={1}
                  step={1}
                  inputMode="numeric"
                  style={{ width: 72 }}
                  aria-label={`WIP limit of ${s.name}`}
                  aria-describedby="wip-hint"
                  placeholder="none"
                  defaultValue={s.wipLimit ?? ""}
                  disabled={!canEdit || pending}
                  onBlur={(e) => {
                    const wipLimit = e.target.value === "" ? null : Number(e.target.value);
                    if (wipLimit !== s.wipLimit) act(s.id, () => updateStatusAction(projectId, s.id, { wipLimit }));
                  }}
                />
              </td>
              <td>
                <div className="row" style={{ flexWrap: "nowrap", gap: 2 }}>
                  <button
                    type="button"
                    className="btn btn-sm"
                    aria-label={`Move ${s.name} left`}
                    disabled={!canEdit || pending || i === 0}
                    onClick={() => act(s.id, () => updateStatusAction(projectId, s.id, { before: statuses[i - 1]!.id }))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="btn btn-sm"
                    aria-label={`Move ${s.name} right`}
                    disabled={!canEdit || pending || i === statuses.length - 1}
                    onClick={() => act(s.id, () => updateStatusAction(projectId, s.id, { after: statuses[i + 1]!.id }))}
                  >
                    ↓
                  </button>
                </div>
              </td>
              <td>
                {canEdit && (
                  <div className="row" style={{ gap: 4 }}>
                    {!s.isDefault && (
                      <button
                        type="button"
                        className="btn btn-sm btn-ghost"
                        disabled={pending}
                        onClick={() => act(s.id, () => updateStatusAction(projectId, s.id, { isDefault: true }))}
                      >
                        Make default
                      </button>
                    )}
                    <label className="sr-only" htmlFor={`move-${s.id}`}>
                      Move its tasks to
                    </label>
                    <select
                      id={`move-${s.id}`}
                      value={moveTo[s.id] ?? ""}
                      onChange={(e) => setMoveTo({ ...moveTo, [s.id]: e.target.value })}
                      style={{ width: 130 }}
                    >
                      <option value="">Move tasks to…</option>
                      {statuses
                        .filter((o) => o.id !== s.id)
                        .map((o) => (
                          <option key={o.id} value={o.id}>
                            {o.name}
                          </option>
                        ))}
                    </select>
                    <button
                      type="button"
                      className="btn btn-sm btn-danger"
                      disabled={pending}
                      onClick={() =>
                        confirm(`Delete the status ${s.name}?`) &&
                        act(s.id, () => removeStatusAction(projectId, s.id, moveTo[s.id] || undefined))
                      }
                    >
                      Delete
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p id="wip-hint" className="small muted">
        WIP limit: the board marks a column that holds more tasks than this. Leave it empty for no limit.
      </p>
      {canEdit && (
        <form
          className="row"
          style={{ alignItems: "flex-end" }}
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            const form = e.currentTarget;
            act("new", async () => {
              const r = await createStatusAction(projectId, {
                name: String(f.get("name")),
                category: String(f.get("category")) as (typeof CATEGORIES)[number],
                color: String(f.get("color")),
              });
              if (r.ok) form.reset();
              return r;
            });
          }}
        >
          <div className="field grow">
            <label htmlFor="new-status-name">New status</label>
            <input id="new-status-name" name="name" type="text" required />
          </div>
          <div className="field">
            <label htmlFor="new-status-category">Category</label>
            <select id="new-status-category" name="category" defaultValue="started">
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="new-status-color">Colour</label>
            <input id="new-status-color" name="color" type="color" defaultValue="#6366f1" />
          </div>
          <button type="submit" className="btn" disabled={pending}>
            Add status
          </button>
          {error?.at === "new" && (
            <span className="field-error" role="alert">
              {error.text}
            </span>
          )}
        </form>
      )}
    </div>
  );
}
