import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { queryRows } from "@/server/jobs/rows";

/** Only one sequencer gives numbers at a time, across every process (a transaction-scoped advisory lock). */
const SEQUENCER_LOCK = 727_275;
const BATCH = 500;

/**
 * Gives the outbox rows that have committed since the last call their `seq`, the order every consumer
 * and replay reads. Writers take no lock on their project, so two of them may commit out of insert
 * order; numbering rows only once they are visible makes seq follow commit order, so a cursor past
 * seq N never skips a row that commits later. Two writes to one task are ordered too: the second
 * waited for the first's commit before inserting its event. One statement: when another sequencer holds
 * the lock it does nothing; rows that one numbered meanwhile drop out at the row lock (FOR UPDATE
 * re-checks `seq is null`). Returns how many rows it numbered and their projects.
 */
export async function sequenceEvents(db: Database): Promise<{ count: number; projects: string[] }> {
  const rows = await queryRows<{ project_id: string | null }>(
    db,
    sql`
    with lock as (
      select pg_try_advisory_xact_lock(${SEQUENCER_LOCK}) as ok
    ), pending as (
      select e.id, e.project_id from events e, lock
      where lock.ok and e.seq is null
      order by e.id limit ${BATCH}
      for update of e
    ), counted as (
      select count(*)::bigint as n from pending
    ), base as (
      update event_sequence set last_seq = last_seq + counted.n from counted
      where counted.n > 0
      returning last_seq - counted.n as b
    ), numbered as (
      select id, row_number() over (order by id) as rn from pending
    )
    update events e set seq = base.b + numbered.rn
    from numbered, base
    where e.id = numbered.id
    returning e.project_id`,
  );
  return { count: rows.length, projects: [...new Set(rows.map((r) => r.project_id).filter((p): p is string => p !== null))] };
}

/** Sequences until nothing is pending (a burst larger than one batch); the projects touched. */
export async function sequenceAll(db: Database): Promise<string[]> {
  const touched = new Set<string>();
  for (;;) {
    const { count, projects } = await sequenceEvents(db);
    for (const p of projects) touched.add(p);
    if (count < BATCH) return [...touched];
  }
}
