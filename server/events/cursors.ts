import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { eventCursors, events } from "@/db/schema";
import type { EventType } from "./record";
import type { OutboxEvent } from "./types";

export type Claim = { projectId: string; lastEventId: number };

/** Creates the cursor rows a consumer needs: for one project, or for every project when none is named. */
export async function ensureCursors(db: Database, consumers: string[], projectId?: string): Promise<void> {
  for (const consumer of consumers) {
    if (projectId) {
      await db.execute(sql`insert into event_cursors (consumer, project_id) select ${consumer}, id from projects where id = ${projectId} on conflict do nothing`);
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
        sql`exists (select 1 from events e where e.project_id = "event_cursors"."project_id" and e.id > "event_cursors"."last_event_id")`,
      ),
    )
    .orderBy(asc(eventCursors.updatedAt))
    .limit(1)
    .for("update", { skipLocked: true });
  return row;
}

export async function eventsAfter(db: Database, projectId: string, afterId: number, limit: number, upTo?: number): Promise<OutboxEvent[]> {
  const rows = await db
    .select()
    .from(events)
    .where(and(eq(events.projectId, projectId), gt(events.id, afterId), upTo !== undefined ? sql`${events.id} <= ${upTo}` : undefined))
    .orderBy(asc(events.id))
    .limit(limit);
  return rows.map((r) => ({
    id: Number(r.id),
    workspaceId: r.workspaceId,
    projectId,
    type: r.type as EventType,
    actorId: r.actorId,
    at: r.createdAt.toISOString(),
    data: r.data,
  }));
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
