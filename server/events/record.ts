import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { settings } from "@/config/settings";
import { ConflictError } from "../errors";
import { eventPayloads, type EventPayload, type EventType, type RealtimeEvent } from "./catalog";
import { EVENTS_CHANNEL } from "./channel";

export type { EventType } from "./catalog";

export type RecordedEvent<T extends EventType = EventType> = RealtimeEvent<T>;

/**
 * Writes an outbox row inside the caller's transaction, so the change and its event commit together.
 * Call it as the transaction's last statement: it takes the project's row lock (bumping eventSeq) in
 * the same statement as the insert, so within a project event ids rise in commit order while the lock
 * is held for one statement and the commit only. With refuseArchived, a project archived meanwhile
 * (even while this transaction ran) is refused here with 409 and nothing is written.
 * The payload must be the catalog's for the type; outside production it is also checked at run time.
 */
export async function recordEvent<T extends EventType>(
  tx: Database,
  e: { type: T; projectId: string; actorId: string | null; data: EventPayload<T>; refuseArchived?: boolean },
): Promise<RecordedEvent<T>> {
  if (settings().NODE_ENV !== "production") {
    const checked = eventPayloads[e.type].safeParse(e.data);
    if (!checked.success) throw new Error(`recordEvent: ${e.type} payload does not match the catalog: ${checked.error.message}`);
  }
  // pg_notify is delivered only when the transaction commits: dispatchers wake at once instead of polling.
  const result = (await tx.execute(sql`
    with p as (
      update projects set event_seq = event_seq + 1 where id = ${e.projectId}::uuid
      returning workspace_id, archived_at
    ), e as (
      insert into events (workspace_id, project_id, type, actor_id, data)
      select p.workspace_id, ${e.projectId}::uuid, ${e.type}, ${e.actorId}::uuid, ${JSON.stringify(e.data)}::jsonb from p
      where p.archived_at is null or not ${e.refuseArchived ?? false}::boolean
      returning id, created_at
    )
    select (p.archived_at is not null and ${e.refuseArchived ?? false}::boolean) as archived, e.id, e.created_at, pg_notify(${EVENTS_CHANNEL}, ${e.projectId}) as notified
    from p left join e on true`)) as unknown as {
    rows: { archived: boolean; id: string | number | null; created_at: string | Date | null }[];
  };
  const row = result.rows[0];
  if (!row) throw new Error(`recordEvent: project ${e.projectId} does not exist`);
  if (row.archived) throw new ConflictError("The project is archived; restore it before changing it");
  return {
    id: Number(row.id),
    type: e.type,
    projectId: e.projectId,
    actorId: e.actorId,
    at: new Date(row.created_at!).toISOString(),
    data: e.data,
  } as RecordedEvent<T>;
}
