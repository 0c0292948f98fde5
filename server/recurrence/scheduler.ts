import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import { database, type Database } from "@/db/client";
import { settings } from "@/config/settings";
import { projects, taskSeries, tasks } from "@/db/schema";
import { startLoop, type WorkLoop } from "../jobs/loop";
import { createOccurrence } from "./create-occurrence";
import { lockSeries, todayIn } from "./internal";
import { nextOccurrences, parseRule } from "./rule";

// How far a series catches up after downtime: the dates missed are skipped, only the latest is created.
const CATCH_UP = 400;

/**
 * For each on_schedule series whose next date has come (in the project's time zone), creates that
 * occurrence whether or not the previous one is done. Safe on every pod: a series is locked with
 * SKIP LOCKED while it is handled and the insert is conditional on (series, occurrence index).
 */
export async function createScheduledOccurrences(now = new Date()): Promise<number> {
  const db = await database();
  const due = await db
    .select({ id: taskSeries.id, timezone: projects.timezone })
    .from(taskSeries)
    .innerJoin(projects, eq(projects.id, taskSeries.projectId))
    .where(and(eq(taskSeries.trigger, "on_schedule"), isNull(projects.archivedAt)));
  let created = 0;
  for (const s of due) {
    const made = await db.transaction(async (t) => {
      const tx = t as unknown as Database;
      const series = await lockSeries(tx, s.id, { skipLocked: true });
      if (!series || series.trigger !== "on_schedule") return false;
      const [latest] = await tx
        .select({ index: tasks.occurrenceIndex, date: tasks.occurrenceDate })
        .from(tasks)
        .where(and(eq(tasks.seriesId, series.id), isNotNull(tasks.occurrenceIndex)))
        .orderBy(desc(tasks.occurrenceIndex))
        .limit(1);
      if (!latest || latest.index === null || latest.date === null) return false;
      const today = todayIn(s.timezone, now);
      const upcoming = nextOccurrences(
        parseRule(series.rule),
        { dtstart: series.dtstart, startIndex: series.startIndex, index: latest.index, date: latest.date },
        CATCH_UP,
      );
      const reached = upcoming.filter((o) => o.date <= today).at(-1);
      if (!reached) return false;
      return (await createOccurrence(tx, series, { index: latest.index + 1, date: reached.date }, null, now)) !== null;
    });
    if (made) created++;
  }
  return created;
}

export function startRecurrenceScheduler(): WorkLoop {
  return startLoop("recurrence", settings().RECURRENCE_INTERVAL_MS, async () => {
    await createScheduledOccurrences();
    return false;
  });
}
