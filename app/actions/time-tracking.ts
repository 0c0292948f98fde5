"use server";
import { attempt, type ActionResult, serverAction } from "@/app/lib/action";
import { requireContext } from "@/app/lib/session";
import {
  createTimeEntry,
  getTaskTime,
  getTimer,
  removeTimeEntry,
  startTimer,
  stopTimer,
  type CreateTimeEntryInput,
  type StartedTimer,
  type TaskTime,
  type TimeEntry,
  type TimerState,
} from "@/server/time-tracking";

// Time tracking in the task drawer/page and the top bar: the same service verbs as the REST API.

export const loadTaskTimeAction = serverAction(async function loadTaskTimeAction(taskId: string): Promise<ActionResult<TaskTime>> {
  const ctx = await requireContext();
  return attempt(() => getTaskTime({ ctx, ref: taskId }));
});

export const loadTimerAction = serverAction(async function loadTimerAction(): Promise<ActionResult<TimerState>> {
  const ctx = await requireContext();
  return attempt(() => getTimer({ ctx }));
});

export const startTimerAction = serverAction(async function startTimerAction(taskId: string): Promise<ActionResult<StartedTimer>> {
  const ctx = await requireContext();
  return attempt(async () => {
    const { running, stopped } = await startTimer({ ctx, ref: taskId });
    return { running, stopped };
  });
});

export const stopTimerAction = serverAction(async function stopTimerAction(): Promise<ActionResult<TimeEntry>> {
  const ctx = await requireContext();
  return attempt(() => stopTimer({ ctx }));
});

export const logTimeAction = serverAction(async function logTimeAction(
  taskId: string,
  input: CreateTimeEntryInput,
): Promise<ActionResult<TimeEntry>> {
  const ctx = await requireContext();
  return attempt(() => createTimeEntry({ ctx, ref: taskId, input }));
});

export const removeTimeEntryAction = serverAction(async function removeTimeEntryAction(
  entryId: string,
  version: number,
): Promise<ActionResult> {
  const ctx = await requireContext();
  const r = await attempt(() => removeTimeEntry({ ctx, entryId, ifMatch: version }));
  return r.ok ? { ok: true, data: undefined } : r;
});
