import { and, asc, count, eq, gt, inArray, lte, max, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { eventCursors, events } from "@/db/schema";
import { logger } from "@/config/log";
import { parsePayload } from "./parse";
import type { OutboxEvent } from "./types";

export type Claim = { projectId: string; lastEventId: number };

/** Creates the cursor rows a consumer needs: for one project, or for every project when none is named. */
export async function ensureCursors(db: Database, consumers: string[], projectId?: string): Promise<void> {
  for (const consumer of consumers) {
    if (projectId) {
      await db.execute(
        sql`insert into event_cursors (consumer, project_id) select ${consumer}, id from projects where id = ${projectId} on conflict do nothing`,
      );
    } else {
      await db.execute(sql`insert into event_cursors (consumer, project_id) select ${consumer}, id from projects on conflict do nothing`);
    }
  }
}

/**
 * Locks one project's cursor that has undelivered events and is not backing off. SKIP LOCKED lets
 * several dispatchers share the projects while each project is served by one of them at a time.
 */
export async function claimCursor(tx: Database, consumer: string): Promise<Claim | undefined> {
  const [row] = await tx
    .select({ projectId: eventCursors.projectId, lastEventId: eventCursors.lastEventId })
    .from(eventCursors)
    .where(
      and(
        eq(eventCursors.consumer, consumer),
        sql`(${eventCursors.retryAt} is null or ${eventCursors.retryAt} <= now())`,
        sql`exists (select 1 from events e where e.project_id = "event_cursors"."project_id" and e.seq > "event_cursors"."last_event_id")`,
      ),
    )
    .orderBy(asc(eventCursors.updatedAt))
    .limit(1)
    .for("update", { skipLocked: true });
  return row;
}

export type EventPage = { events: OutboxEvent[]; lastId: number; more: boolean };

/**
 * A page of a project's events after afterId, in seq order (the public event id is seq; rows not yet
 * sequenced are not read); lastId is the last row read (skipped ones too), more: the page was full.
 */
export async function readEvents(db: Database, projectId: string, afterId: number, limit: number, upTo?: number): Promise<EventPage> {
  const rows = await db
    .select()
    .from(events)
    .where(and(eq(events.projectId, projectId), gt(events.seq, afterId), upTo !== undefined ? lte(events.seq, upTo) : undefined))
    .orderBy(asc(events.seq))
    .limit(limit);
  const parsed: OutboxEvent[] = [];
  for (const r of rows) {
    const payload = parsePayload(r.type, r.data);
    // A row that does not match the catalog would stall every consumer of the project: skip it, loudly.
    if (!payload) logger().error({ eventId: r.seq, type: r.type, projectId }, "outbox event does not match the event catalog; skipped");
    else
      parsed.push({
        id: Number(r.seq),
        workspaceId: r.workspaceId,
        projectId,
        actorId: r.actorId,
        at: r.createdAt.toISOString(),
        ...payload,
      } as OutboxEvent);
  }
  return { events: parsed, lastId: rows.length ? Number(rows[rows.length - 1]!.seq) : afterId, more: rows.length === limit };
}

export async function eventsAfter(db: Database, projectId: string, afterId: number, limit: number, upTo?: number): Promise<OutboxEvent[]> {
  return (await readEvents(db, projectId, afterId, limit, upTo)).events;
}

/** The newest (sequenced) event id of each project (absent when it has none). */
export async function latestEventIds(db: Database, projectIds: string[]): Promise<Map<string, number>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db
    .select({ projectId: events.projectId, id: max(events.seq) })
    .from(events)
    .where(inArray(events.projectId, projectIds))
    .groupBy(events.projectId);
  return new Map(rows.filter((r) => r.projectId && r.id !== null).map((r) => [r.projectId!, Number(r.id)]));
}

export async function countEventsBetween(db: Database, projectId: string, afterId: number, upTo: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(events)
    .where(and(eq(events.projectId, projectId), gt(events.seq, afterId), lte(events.seq, upTo)));
  return Number(row?.n ?? 0);
}

export async function advanceCursor(tx: Database, consumer: string, projectId: string, lastEventId: number): Promise<void> {
  await tx
    .update(eventCursors)
    .set({ lastEventId, attempts: 0, retryAt: null, lastError: null, updatedAt: sql`now()` })
    .where(and(eq(eventCursors.consumer, consumer), eq(eventCursors.projectId, projectId)));
}

/** After a failure the project waits (200 ms doubling, at most 5 s, so recovery is noticed soon) while other projects proceed. */
export async function backOffCursor(db: Database, consumer: string, projectId: string, error: string): Promise<void> {
  await db
    .update(eventCursors)
    .set({
      attempts: sql`${eventCursors.attempts} + 1`,
      retryAt: sql`now() + least(power(2, least(${eventCursors.attempts}, 20)) * 200, 5000) * interval '1 millisecond'`,
      lastError: error.slice(0, 500),
      updatedAt: sql`now()`,
    })
    .where(and(eq(eventCursors.consumer, consumer), eq(eventCursors.projectId, projectId)));
}
