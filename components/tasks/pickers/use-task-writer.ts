"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { applyTaskUpdatesAction, removeTaskAction, restoreTaskAction, updateTaskAction } from "@/app/actions/tasks";
import type { ActionResult } from "@/app/lib/action";
import { refusalMessage } from "@/components/ui/field-errors";
import { toast, toastUndo } from "@/components/ui/toast";
import type { UpdateTaskInput } from "@/server/tasks";
import type { Task } from "../types";
import { revertInput } from "./specs";

export type TaskWriter = {
  /**
   * Writes one change to one or several tasks, each guarded by the version shown (If-Match): a
   * conflict says so and refreshes, never overwrites. With `undo`, a toast offers "Undo" for 10 s.
   */
  save: (tasks: Task[], inputFor: (t: Task) => UpdateTaskInput, opts?: { undo?: string }) => Promise<Task[] | null>;
  /** Moves the task to the trash and offers "Undo" (a version-guarded restore). */
  remove: (task: Task) => Promise<boolean>;
};

type Handlers = {
  /** Saved (or restored) tasks, to put in the page's state. */
  onSaved: (tasks: Task[]) => void;
  onRemoved: (task: Task) => void;
  /** After a conflict: re-read what the page shows (defaults to a router refresh). */
  onConflict?: () => void;
};

const CONFLICT = "Someone else changed this meanwhile; nothing was overwritten. The latest version is shown now.";

async function apply(updates: { task: Task; input: UpdateTaskInput }[]): Promise<ActionResult<Task[]>> {
  if (updates.length === 1) {
    const [{ task, input }] = updates as [{ task: Task; input: UpdateTaskInput }];
    const r = await updateTaskAction(task.id, input, task.version);
    return r.ok ? { ok: true, data: [r.data] } : r;
  }
  return applyTaskUpdatesAction(updates.map((u) => ({ ref: u.task.id, input: u.input, ifMatch: u.task.version })));
}

export function useTaskWriter(handlers: Handlers): TaskWriter {
  const router = useRouter();
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  // Writes go one after another, each from the newest version this page has seen (a quick second
  // toggle must not be refused as stale because the first answer has not rendered yet).
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const fresh = useRef(new Map<string, Task>());
  const newest = (t: Task) => {
    const f = fresh.current.get(t.id);
    return f && f.version > t.version ? f : t;
  };
  const seen = (list: Task[]) => list.forEach((t) => fresh.current.set(t.id, t));
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.current.then(work, work);
    chain.current = next.catch(() => undefined);
    return next;
  };

  const refused = useCallback(
    (r: { error: string; status?: string; fieldErrors?: Record<string, string> }, what: string) => {
      if (r.status === "PRECONDITION_FAILED") {
        toast(CONFLICT, "error");
        if (latest.current.onConflict) latest.current.onConflict();
        else router.refresh();
      } else toast(`${what}: ${refusalMessage(r, { withSummary: true })}`, "error");
    },
    [router],
  );

  return useMemo<TaskWriter>(
    () => ({
      save: (given, inputFor, opts = {}) =>
        serial(async () => {
          const tasks = given.map(newest);
          if (tasks.length === 0) return null;
          const updates = tasks.map((task) => ({ task, input: inputFor(task) }));
          const r = await apply(updates);
          if (!r.ok) {
            refused(r, tasks.length > 1 ? "Nothing was changed" : `Could not change ${tasks[0]!.key}`);
            return null;
          }
          seen(r.data);
          latest.current.onSaved(r.data);
          if (opts.undo) {
            const before = new Map(updates.map((u) => [u.task.id, u]));
            const saved = r.data;
            toastUndo(opts.undo, () => {
              void (async () => {
                const back = await serial(() =>
                  apply(saved.map((s) => ({ task: newest(s), input: revertInput(before.get(s.id)!.task, before.get(s.id)!.input) }))),
                );
                if (!back.ok) return refused(back, "Could not undo");
                seen(back.data);
                latest.current.onSaved(back.data);
                toast(back.data.length > 1 ? `Undone for ${back.data.length} tasks` : `Undone: ${back.data[0]!.key} is back as it was`);
              })();
            });
          }
          return r.data;
        }),
      async remove(task) {
        const r = await removeTaskAction(task.id, newest(task).version);
        if (!r.ok) {
          refused(r, `Could not delete ${task.key}`);
          return false;
        }
        latest.current.onRemoved(task);
        const version = r.data.version;
        toastUndo(`Deleted ${task.key}`, () => {
          void (async () => {
            const back = await restoreTaskAction(task.id, version);
            if (!back.ok) return refused(back, `Could not restore ${task.key}`);
            seen([back.data]);
            latest.current.onSaved([back.data]);
            toast(`Restored ${task.key}`);
            // The page may have moved on (the task page goes back to the board): show it there too.
            router.refresh();
          })();
        });
        return true;
      },
    }),
    [refused, router],
  );
}

/** Saved or restored tasks into a page's list: newer versions replace, restored ones come back. */
export function upsert(list: Task[], saved: Task[]): Task[] {
  const by = new Map(saved.map((t) => [t.id, t]));
  const next = list.map((t) => {
    const s = by.get(t.id);
    if (!s) return t;
    by.delete(t.id);
    return s.version >= t.version ? s : t;
  });
  return by.size ? [...next, ...by.values()] : next;
}
