import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { settings } from "@/config/settings";
import { ConflictError } from "../errors";
import { eventPayloads, type EventPayload, type EventType } from "./catalog";
import { EVENTS_CHANNEL } from "./channel";

export type { EventType } from "./catalog";

/**
 * Writes an outbox row inside the caller's transaction, so the change and its event commit together.
 * It takes no lock on the project: writes to one project run side by side, and the sequencer gives the
 * row its place in the project's order once it has committed (server/events/sequence.ts). With
 * refuseArchived it takes the project's key-share lock, which an archive (FOR UPDATE, lockProject)
 * waits for, so a project archived meanwhile (even while this transaction ran) is refused here with 409
 * and nothing is written. The payload must be the catalog's for the type; outside production it is
 * also checked at run time.
 */
export async function recordEvent<T extends EventType>(
  tx: Database,
  e: { type: T; projectId: string; actorId: string | null; data: EventPayload<T>; refuseArchived?: boolean },
): Promise<void> {
  if (settings().NODE_ENV !== "production") {
    const checked = eventPayloads[e.type].safeParse(e.data);
    if (!checked.success) throw new Error(`recordEvent: ${e.type} payload does not match the catalog: ${checked.error.message}`);
  }
  const refuse = e.refuseArchived ?? false;
  // pg_notify is delivered only when the transaction commits: the sequencer and dispatchers wake at once instead of polling.
  const result = (await tx.execute(sql`
    with p as (
      select workspace_id, archived_at from projects where id = ${e.projectId}::uuid ${refuse ? sql`for key share` : sql``}
    ), e as (
      insert into events (workspace_id, project_id, type, actor_id, data)
      select p.workspace_id, ${e.projectId}::uuid, ${e.type}, ${e.actorId}::uuid, ${JSON.stringify(e.data)}::jsonb from p
      where p.archived_at is null or not ${refuse}::boolean
      returning id
    )
    select (p.archived_at is not null and ${refuse}::boolean) as archived, e.id, pg_notify(${EVENTS_CHANNEL}, ${e.projectId}) as notified
    from p left join e on true`)) as unknown as {
    rows: { archived: boolean; id: string | number | null }[];
  };
  const row = result.rows[0];
  if (!row) throw new Error(`recordEvent: project ${e.projectId} does not exist`);
  if (row.archived) throw new ConflictError("The project is archived; restore it before changing it");
}
