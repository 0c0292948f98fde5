"use client";
import { useState, useTransition } from "react";
import { listTrashAction, restoreTaskAction } from "@/app/actions/tasks";
import { toast } from "@/components/ui/toast";
import type { Page } from "@/server/pagination";
import type { TrashedTask } from "@/server/tasks";

/** The project's deleted tasks, newest first; "Restore" brings one back exactly where it was. */
export function Trash({ projectId, initial, canRestore }: { projectId: string; initial: Page<TrashedTask>; canRestore: boolean }) {
  const [items, setItems] = useState(initial.data);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [pending, start] = useTransition();
  if (items.length === 0) return <p className="muted">The trash is empty.</p>;
  return (
    <>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Task</th>
            <th scope="col">Deleted</th>
            <th scope="col">Removed for good</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((t) => (
            <tr key={t.id}>
              <td>
                <span className="mono small">{t.key}</span> {t.title}
              </td>
              <td className="small">
                <time dateTime={t.deletedAt} title={new Date(t.deletedAt).toLocaleString()}>
                  {t.deletedAt.slice(0, 10)}
                </time>{" "}
                by {t.deletedBy?.name ?? "someone"}
              </td>
              <td className="small">{t.purgeAfter.slice(0, 10)}</td>
              <td>
                {canRestore && (
                  <button
                    type="button"
                    className="btn btn-sm"
                    aria-label={`Restore ${t.key} ${t.title}`}
                    disabled={pending}
                    onClick={() =>
                      start(async () => {
                        const r = await restoreTaskAction(t.id, t.version);
                        if (!r.ok) return toast(`Could not restore ${t.key}: ${r.error}`, "error");
                        setItems((list) => list.filter((x) => x.id !== t.id));
                        toast(`Restored ${t.key}`);
                      })
                    }
                  >
                    Restore
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {cursor && (
        <button
          type="button"
          className="btn btn-sm btn-ghost"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const r = await listTrashAction(projectId, cursor);
              if (!r.ok) return toast(`Could not load more: ${r.error}`, "error");
              setItems((list) => [...list, ...r.data.data]);
              setCursor(r.data.nextCursor);
            })
          }
        >
          Load more
        </button>
      )}
      <p className="small muted">Restored tasks return to the board in their status and place, with their comments and links.</p>
    </>
  );
}
