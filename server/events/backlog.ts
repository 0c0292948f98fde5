import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { queryRows } from "@/server/jobs/rows";

export type ConsumerBacklog = { consumer: string; undelivered: number; oldestSeconds: number };

/**
 * How far each outbox consumer is behind: events past its cursor in every project it follows, and the age of the
 * oldest of them (0 when caught up); events not yet sequenced count as undelivered. Walks only undelivered
 * events, through events_project_seq_idx.
 */
export async function outboxBacklog(db: Database): Promise<ConsumerBacklog[]> {
  const rows = await queryRows<{ consumer: string; undelivered: number | string; oldest: number | string | null }>(
    db,
    sql`select c.consumer,
               count(e.id) as undelivered,
               extract(epoch from now() - min(e.created_at)) as oldest
          from event_cursors c
          left join events e on e.project_id = c.project_id and (e.seq > c.last_event_id or e.seq is null)
         group by c.consumer`,
  );
  return rows.map((r) => ({
    consumer: r.consumer,
    undelivered: Number(r.undelivered),
    oldestSeconds: r.oldest === null ? 0 : Math.max(0, Number(r.oldest)),
  }));
}
