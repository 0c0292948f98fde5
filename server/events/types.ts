import type { EventType } from "./record";

/** An outbox row as consumers see it. */
export type OutboxEvent = {
  id: number;
  workspaceId: string;
  projectId: string;
  type: EventType;
  actorId: string | null;
  at: string;
  data: Record<string, unknown>;
};

/** The body clients receive, emitted under its type: `{ id, type, projectId, actorId, at, data }`. */
export type RealtimeEvent = Pick<OutboxEvent, "id" | "type" | "projectId" | "actorId" | "at" | "data">;

/**
 * What the dispatcher hands the realtime gateway. prevId is the id of the project's previous
 * event, so a gateway that sees prevId beyond what it sent knows it missed something (pub/sub
 * drops messages while Redis restarts) and fills the gap from the database.
 */
export type RealtimeMessage = RealtimeEvent & { prevId: number };

export function toRealtimeEvent(m: RealtimeEvent): RealtimeEvent {
  return { id: m.id, type: m.type, projectId: m.projectId, actorId: m.actorId, at: m.at, data: m.data };
}
