import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { inScope, rangeBounds, type Scope } from "./scope";
import { hours, rows } from "./sql";

/**
 * Tasks completed in the range (completed category now; canceled ones are not completed), each with
 * its first entry into a started-category status, found in its status history through the
 * (task_id, id) index of activity. Cycle time is null for a task that never started.
 */
function completions(scope: Scope, from: string, to: string): SQL {
  const { start, end } = rangeBounds(from, to);
  return sql`
    select d.*, ${hours(sql`d.started_at`, sql`d.completed_at`)} as cycle, ${hours(sql`d.created_at`, sql`d.completed_at`)} as lead
    from (
      select t.id, t.project_id, p.key || '-' || t.number as key, t.title, t.created_at, t.completed_at,
        (select min(a.created_at) from activity a join statuses st on st.id::text = (a.to_value #>> '{}')
          where a.task_id = t.id and a.field = 'status' and st.category = 'started'
            and a.created_at <= t.completed_at) as started_at
      from tasks t join projects p on p.id = t.project_id join statuses s on s.id = t.status_id
      where ${inScope(sql`t.project_id`, scope)} and t.deleted_at is null and s.category = 'completed'
        and t.completed_at >= ${start} and t.completed_at < ${end}
    ) d`;
}

export type Percentiles = { p50: number | null; p85: number | null; p95: number | null };
export type FlowTimes = { projectId: string | null; completedCount: number; cycleTimeHours: Percentiles; leadTimeHours: Percentiles };
type Row = {
  projectId: string | null;
  n: number;
  c50: number | null;
  c85: number | null;
  c95: number | null;
  l50: number | null;
  l85: number | null;
  l95: number | null;
};

/**
 * Nearest-rank percentiles (percentile_disc) per project and for all (projectId null); absent or
 * null when nothing completed (or, for cycle time, nothing completed had started) in the range.
 */
export async function flowTimes(db: Database, scope: Scope, from: string, to: string): Promise<FlowTimes[]> {
  const result = await rows<Row>(
    db,
    sql`
      with c as (${completions(scope, from, to)})
      select c.project_id::text as "projectId", count(*)::int as n,
        percentile_disc(0.5) within group (order by cycle) as c50,
        percentile_disc(0.85) within group (order by cycle) as c85,
        percentile_disc(0.95) within group (order by cycle) as c95,
        percentile_disc(0.5) within group (order by lead) as l50,
        percentile_disc(0.85) within group (order by lead) as l85,
        percentile_disc(0.95) within group (order by lead) as l95
      from c group by grouping sets ((c.project_id), ())`,
  );
  return result.map((r) => ({
    projectId: r.projectId,
    completedCount: r.n,
    cycleTimeHours: { p50: r.c50, p85: r.c85, p95: r.c95 },
    leadTimeHours: { p50: r.l50, p85: r.l85, p95: r.l95 },
  }));
}

const none: Percentiles = { p50: null, p85: null, p95: null };
export function flowTimesOf(all: FlowTimes[], projectId: string | null): Omit<FlowTimes, "projectId"> {
  const hit = all.find((f) => f.projectId === projectId);
  return {
    completedCount: hit?.completedCount ?? 0,
    cycleTimeHours: hit?.cycleTimeHours ?? none,
    leadTimeHours: hit?.leadTimeHours ?? none,
  };
}

export type CompletedTaskRow = {
  id: string;
  key: string;
  title: string;
  completedAt: string;
  cycleTimeHours: number | null;
  leadTimeHours: number;
};

/** Completed tasks of the range, the slowest first (`slowest`) or the newest first (for the scatter). */
export async function completedTasks(
  db: Database,
  scope: Scope,
  from: string,
  to: string,
  order: "slowest" | "newest",
  limit: number,
): Promise<CompletedTaskRow[]> {
  const orderBy = order === "slowest" ? sql`cycle desc nulls last, lead desc, id` : sql`completed_at desc, id`;
  return rows<CompletedTaskRow>(
    db,
    sql`
      with c as (${completions(scope, from, to)})
      select id::text, key, title,
        to_char(completed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "completedAt",
        cycle as "cycleTimeHours", lead as "leadTimeHours"
      from c order by ${orderBy} limit ${limit}`,
  );
}
