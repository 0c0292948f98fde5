"use server";
import { attempt, type ActionResult, serverAction } from "@/app/lib/action";
import { requireContext } from "@/app/lib/session";
import { NotFoundError } from "@/server/errors";
import {
  applyToFutureOccurrences,
  getRecurrence,
  removeRecurrence,
  setRecurrence,
  type Recurrence,
  type SetRecurrenceInput,
} from "@/server/recurrence";
import type { Task } from "@/server/tasks";

// The task drawer's Repeat picker: the same service verbs as /tasks/{idOrKey}/recurrence.

/** How the task repeats, or null when it does not. */
export const getRecurrenceAction = serverAction(async function getRecurrenceAction(
  taskId: string,
): Promise<ActionResult<Recurrence | null>> {
  const ctx = await requireContext();
  return attempt(async () => {
    try {
      return await getRecurrence({ ctx, ref: taskId });
    } catch (error) {
      if (error instanceof NotFoundError && error.message.startsWith("Recurrence")) return null;
      throw error;
    }
  });
});

export const setRecurrenceAction = serverAction(async function setRecurrenceAction(
  taskId: string,
  input: SetRecurrenceInput,
): Promise<ActionResult<Recurrence>> {
  const ctx = await requireContext();
  return attempt(() => setRecurrence({ ctx, ref: taskId, input }));
});

export const removeRecurrenceAction = serverAction(async function removeRecurrenceAction(taskId: string): Promise<ActionResult> {
  const ctx = await requireContext();
  const r = await attempt(() => removeRecurrence({ ctx, ref: taskId }));
  return r.ok ? { ok: true, data: undefined } : r;
});

/** "Apply to future occurrences": this task's fields become the series' and its later open occurrences'. */
export const applyToFutureOccurrencesAction = serverAction(async function applyToFutureOccurrencesAction(
  taskId: string,
  ifMatch: number,
): Promise<ActionResult<Task>> {
  const ctx = await requireContext();
  return attempt(() => applyToFutureOccurrences({ ctx, ref: taskId, ifMatch }));
});
