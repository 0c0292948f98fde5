import { eventPayloads, isEventType, type EventPayload, type EventType } from "./catalog";

export type ParsedPayload = { [T in EventType]: { type: T; data: EventPayload<T> } }[EventType];

/**
 * Reads a stored or received payload through the catalog; undefined when the type is unknown or
 * the payload does not match (the caller logs and skips it rather than stall the outbox on it).
 */
export function parsePayload(type: string, data: unknown): ParsedPayload | undefined {
  if (!isEventType(type)) return undefined;
  const parsed = eventPayloads[type].safeParse(type === "task.updated" ? upgradeTaskUpdated(data) : data);
  return parsed.success ? ({ type, data: parsed.data } as ParsedPayload) : undefined;
}

/**
 * Status and label removal used to record `{ ...task, changes: { status: { from, to } } }`; rows
 * written that way before the catalog existed are read as `{ task, changes: [{ field, from, to }] }`.
 */
function upgradeTaskUpdated(data: unknown): unknown {
  if (!data || typeof data !== "object" || "task" in data) return data;
  const { changes, ...task } = data as { changes?: unknown };
  if (!changes || typeof changes !== "object" || Array.isArray(changes)) return data;
  const list = Object.entries(changes as Record<string, { from?: unknown; to?: unknown } | null>).map(([field, c]) => ({
    field,
    from: c?.from,
    to: c?.to,
  }));
  return { task, changes: list };
}
