import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { mondayOf } from "./range";
import { inScope, rangeBounds, type Scope } from "./scope";
import { rows } from "./sql";

export type ThroughputRow = { weekStart: string; created: number; completed: number };

/**
 * Tasks created and completed per week (Monday starts, each project's local time), one row per
 * week touching the range; only events inside [from, to] count, so edge weeks may be partial.
 * Completed means in a completed-category status now: a canceled task is not completed.
 * Uses the (project_id, created_at) and (project_id, completed_at) indexes.
 */
export async function throughput(db: Database, scope: Scope, from: string, to: string): Promise<ThroughputRow[]> {
  const { start, end } = rangeBounds(from, to);
  return rows<ThroughputRow>(
    db,
    sql`
      with weeks as (
        select generate_series(${mondayOf(from)}::timestamp, ${mondayOf(to)}::timestamp, interval '1 week')::date as week_start
      ),
      created as (
        select date_trunc('week', t.created_at at time zone p.timezone)::date as week_start, count(*) as n
        from tasks t join projects p on p.id = t.project_id
        where ${inScope(sql`t.project_id`, scope)} and t.deleted_at is null and t.created_at >= ${start} and t.created_at < ${end}
        group by 1
      ),
      completed as (
        select date_trunc('week', t.completed_at at time zone p.timezone)::date as week_start, count(*) as n
        from tasks t join projects p on p.id = t.project_id join statuses s on s.id = t.status_id
        where ${inScope(sql`t.project_id`, scope)} and t.deleted_at is null and s.category = 'completed'
          and t.completed_at >= ${start} and t.completed_at < ${end}
        group by 1
      )
      select to_char(w.week_start, 'YYYY-MM-DD') as "weekStart",
        coalesce(c.n, 0)::int as created, coalesce(d.n, 0)::int as completed
      from weeks w
      left join created c on c.week_start = w.week_start
      left join completed d on d.week_start = w.week_start
      order by w.week_start`,
  );
}

/** Tasks created in the range, per project (the workspace overview's table). */
export async function createdByProject(
  db: Database,
  scope: Scope,
  from: string,
  to: string,
): Promise<{ projectId: string; created: number }[]> {
  const { start, end } = rangeBounds(from, to);
  return rows(
    db,
    sql`
      select t.project_id::text as "projectId", count(*)::int as created
      from tasks t join projects p on p.id = t.project_id
      where ${inScope(sql`t.project_id`, scope)} and t.deleted_at is null and t.created_at >= ${start} and t.created_at < ${end}
      group by t.project_id`,
  );
}
