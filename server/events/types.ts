import type { EventType, RealtimeEvent } from "./catalog";

export type { RealtimeEvent } from "./catalog";

/** An outbox row as consumers see it: its payload already parsed through the catalog. */
export type OutboxEvent<T extends EventType = EventType> = RealtimeEvent<T> & { workspaceId: string };

/**
 * What the dispatcher hands the realtime gateway. prevId is the id of the project's previous
 * event, so a gateway that sees prevId beyond what it sent knows it missed something (pub/sub
 * drops messages while Redis restarts) and fills the gap from the database.
 */
export type RealtimeMessage = RealtimeEvent & { prevId: number };

export function toRealtimeEvent(m: RealtimeEvent): RealtimeEvent {
  return { id: m.id, type: m.type, projectId: m.projectId, actorId: m.actorId, at: m.at, data: m.data } as RealtimeEvent;
}
