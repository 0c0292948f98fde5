import { database } from "@/db/client";
import { countEventsBetween, latestEventIds, readEvents, type EventPage } from "./cursors";
import { parsePayload } from "./parse";
import type { RealtimeMessage } from "./types";

// What the realtime gateway reads of the outbox. The database handle is resolved here, so the
// sidecar holds no SQL and no handle of its own.

/** The newest event id of each project (absent when it has none). */
export async function latestEvents(projectIds: string[]): Promise<Map<string, number>> {
  return latestEventIds(await database(), projectIds);
}

export async function countEventsSince(projectId: string, afterId: number, upTo: number): Promise<number> {
  return countEventsBetween(await database(), projectId, afterId, upTo);
}

/** One page of a project's events after afterId (up to upTo); lastId moves past rows the catalog refused. */
export async function eventPage(projectId: string, afterId: number, limit: number, upTo?: number): Promise<EventPage> {
  return readEvents(await database(), projectId, afterId, limit, upTo);
}

/** A message that crossed Redis, read through the catalog again; undefined when it does not match. */
export function parseRealtimeMessage(m: unknown): RealtimeMessage | undefined {
  if (!m || typeof m !== "object") return undefined;
  const { id, type, projectId, actorId, at, data, prevId } = m as Record<string, unknown>;
  if (
    typeof id !== "number" ||
    typeof prevId !== "number" ||
    typeof projectId !== "string" ||
    typeof at !== "string" ||
    typeof type !== "string"
  )
    return undefined;
  if (actorId !== null && typeof actorId !== "string") return undefined;
  const payload = parsePayload(type, data);
  return payload && ({ id, projectId, actorId, at, prevId, ...payload } as RealtimeMessage);
}
