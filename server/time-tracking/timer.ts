import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { timeEntries, users } from "@/db/schema";
import { recordEvent } from "../events/record";
import { recordTimeActivity, secondsBetween, toTimeEntry, type TimeEntryRow } from "./internal";
import type { TimeEntry } from "./schemas";

/**
 * Serialises one person's timer changes: concurrent starts and stops by the same user queue here
 * instead of racing for the one-running-timer index (another user's timers are never blocked).
 */
export async function lockTimerOwner(tx: Database, userId: string): Promise<void> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("no key update");
}

export async function runningEntryOf(tx: Database, userId: string): Promise<TimeEntryRow | undefined> {
  const [row] = await tx
    .select()
    .from(timeEntries)
    .where(and(eq(timeEntries.userId, userId), isNull(timeEntries.seconds)));
  return row;
}

/** Stops a running entry at `now`: its duration is fixed and the task's activity says so. No event yet (see announceStopped). */
export async function stopEntry(tx: Database, entry: TimeEntryRow, now: Date): Promise<TimeEntry> {
  const [row] = await tx
    .update(timeEntries)
    .set({ seconds: secondsBetween(entry.startedAt!, now), endedAt: now, version: entry.version + 1, updatedAt: now })
    .where(eq(timeEntries.id, entry.id))
    .returning();
  await recordTimeActivity(tx, { entry: row!, actorId: row!.userId, at: now, type: "time_logged", from: null, to: row!.seconds });
  return toTimeEntry(tx, row!);
}

/** The outbox event of a stopped timer (a change of the entry: it gains its duration). */
export async function announceStopped(tx: Database, entry: TimeEntry, actorId: string): Promise<void> {
  await recordEvent(tx, { type: "time_entry.updated", projectId: entry.projectId, actorId, data: { entry, task: entry.task } });
}
