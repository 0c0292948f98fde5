import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { events, projects } from "@/db/schema";
import { settings } from "@/config/settings";
import { eventPayloads, type EventPayload, type EventType, type RealtimeEvent } from "./catalog";
import { EVENTS_CHANNEL } from "./channel";

export type { EventType } from "./catalog";

export type RecordedEvent<T extends EventType = EventType> = RealtimeEvent<T>;

/**
 * Writes an outbox row inside the caller's transaction, so the change and its event commit together.
 * The project's row lock is taken first, so within a project event ids rise in commit order.
 * The payload must be the catalog's for the type; outside production it is also checked at run time.
 */
export async function recordEvent<T extends EventType>(
  tx: Database,
  e: { type: T; projectId: string; actorId: string | null; data: EventPayload<T> },
): Promise<RecordedEvent<T>> {
  if (settings().NODE_ENV !== "production") {
    const checked = eventPayloads[e.type].safeParse(e.data);
    if (!checked.success) throw new Error(`recordEvent: ${e.type} payload does not match the catalog: ${checked.error.message}`);
  }
  const [project] = await tx
    .update(projects)
    .set({ eventSeq: sql`${projects.eventSeq} + 1` })
    .where(eq(projects.id, e.projectId))
    .returning({ workspaceId: projects.workspaceId });
  if (!project) throw new Error(`recordEvent: project ${e.projectId} does not exist`);
  const [row] = await tx
    .insert(events)
    .values({ workspaceId: project.workspaceId, projectId: e.projectId, type: e.type, actorId: e.actorId, data: e.data })
    .returning();
  // Delivered only when the transaction commits: dispatchers wake at once instead of polling.
  await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${e.projectId})`);
  return {
    id: row!.id,
    type: e.type,
    projectId: e.projectId,
    actorId: e.actorId,
    at: row!.createdAt.toISOString(),
    data: e.data,
  } as RecordedEvent<T>;
}
