import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { tasks } from "@/db/schema";
import type { Consumer } from "../events/dispatcher";
import { createOccurrence } from "./create-occurrence";
import { lockSeries } from "./internal";
import { nextOccurrences, parseRule } from "./rule";

/**
 * Creates the next occurrence when a task of an on_complete series is completed. Runs in the
 * dispatcher's transaction for the project's cursor (one worker at a time per project), and
 * createOccurrence is idempotent, so a batch delivered twice creates nothing more.
 */
export const recurrenceConsumer: Consumer = {
  name: "recurrence",
  async handle(tx, events) {
    for (const e of events) {
      if (e.type !== "task.updated" || !e.data.task.seriesId || e.data.task.status.category !== "completed") continue;
      if (!e.data.changes.some((c) => c.field === "status")) continue;
      await completeOccurrence(tx, e.data.task.id, e.actorId, new Date(e.at));
    }
  },
};

/** The next occurrence after a completed task of an on_complete series, if the rule has one. */
export async function completeOccurrence(tx: Database, taskId: string, actorId: string | null, now: Date): Promise<void> {
  const [task] = await tx
    .select({ seriesId: tasks.seriesId, index: tasks.occurrenceIndex, date: tasks.occurrenceDate })
    .from(tasks)
    .where(eq(tasks.id, taskId))
    .limit(1);
  if (!task?.seriesId || task.index === null || task.date === null) return;
  const series = await lockSeries(tx, task.seriesId);
  if (!series || series.trigger !== "on_complete") return;
  const [next] = nextOccurrences(
    parseRule(series.rule),
    { dtstart: series.dtstart, startIndex: series.startIndex, index: task.index, date: task.date },
    1,
  );
  if (next) await createOccurrence(tx, series, next, actorId, now);
}
