import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { events, projects } from "@/db/schema";
import { EVENTS_CHANNEL } from "./channel";

export type EventType =
  | "task.created"
  | "task.updated"
  | "task.deleted"
  | "comment.created"
  | "comment.updated"
  | "comment.deleted"
  | "project.updated"
  | "project.member_added"
  | "project.member_removed";

export type RecordedEvent = { id: number; type: EventType; projectId: string; actorId: string | null; at: string; data: Record<string, unknown> };

/**
 * Writes an outbox row inside the caller's transaction, so the change and its event commit together.
 * The project's row lock is taken first, so within a project event ids rise in commit order.
 */
export async function recordEvent(
  tx: Database,
  e: { type: EventType; projectId: string; actorId: string | null; data: Record<string, unknown> },
): Promise<RecordedEvent> {
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
  return { id: row!.id, type: e.type, projectId: e.projectId, actorId: e.actorId, at: row!.createdAt.toISOString(), data: e.data };
}
