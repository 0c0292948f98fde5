import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";

// The cycle report's two queries, rebuilt from activity: field "cycle" rows say when a task joined
// (to = the cycle) or left (from = the cycle) it, field "status" rows what status it held; the last
// row before an instant tells the state at that instant. Tasks now in the trash are left out.

export type ReportTotals = Record<"start" | "added" | "removed" | "completed" | "carried", { n: number; p: number }> & { points: boolean };
export type ReportDay = { date: string; scopeN: number; scopeP: number; doneN: number; doneP: number; openN: number; openP: number };
type Scope = { cycleId: string; projectId: string; timezone: string; startDate: string; endDate: string; until: Date };

function history(s: Scope): SQL {
  return sql`
    mem as (
      select a.task_id, a.id, a.created_at, (a.to_value #>> '{}') is not distinct from ${s.cycleId}::text as inside
      from activity a
      where a.project_id = ${s.projectId}::uuid and a.field = 'cycle'
        and ((a.to_value #>> '{}') = ${s.cycleId}::text or (a.from_value #>> '{}') = ${s.cycleId}::text)
        and not exists (select 1 from tasks gone where gone.id = a.task_id and gone.deleted_at is not null)
    ),
    members as (
      select distinct m.task_id, coalesce(t.estimate, 0)::float8 as pts, t.estimate is not null as estimated
      from mem m join tasks t on t.id = m.task_id
    )`;
}

const insideAt = (at: SQL) =>
  sql`coalesce((select x.inside from mem x where x.task_id = m.task_id and x.created_at < ${at} order by x.created_at desc, x.id desc limit 1), false)`;
const categoryAt = (at: SQL) =>
  sql`(select st.category from activity h join statuses st on st.id::text = (h.to_value #>> '{}')
      where h.task_id = m.task_id and h.field = 'status' and h.created_at < ${at} order by h.created_at desc, h.id desc limit 1)`;

export async function reportTotals(db: Database, s: Scope): Promise<ReportTotals> {
  const t0 = sql`(${s.startDate}::date::timestamp at time zone ${s.timezone})`;
  const t1 = sql`least(((${s.endDate}::date + 1)::timestamp at time zone ${s.timezone}), ${s.until.toISOString()}::timestamptz)`;
  const amount = (name: string, cond: SQL) =>
    sql`count(*) filter (where ${cond})::int as ${sql.identifier(`${name}_n`)}, coalesce(sum(pts) filter (where ${cond}), 0)::float8 as ${sql.identifier(`${name}_p`)}`;
  const result = (await db.execute(sql`
    with ${history(s)},
    states as (
      select m.pts, m.estimated, ${insideAt(t0)} as at_start, ${insideAt(t1)} as at_end,
        exists (select 1 from mem x where x.task_id = m.task_id and x.inside and x.created_at >= ${t0} and x.created_at < ${t1}) as joined,
        coalesce(${categoryAt(t1)}, 'unstarted') as end_category
      from members m
    )
    select ${amount("start", sql`at_start`)}, ${amount("added", sql`not at_start and joined`)},
      ${amount("removed", sql`(at_start or joined) and not at_end`)},
      ${amount("completed", sql`at_end and end_category = 'completed'`)},
      ${amount("carried", sql`at_end and end_category not in ('completed', 'canceled')`)},
      coalesce(bool_or(estimated), false) as points
    from states`)) as unknown as { rows: Record<string, number | boolean>[] };
  const r = result.rows[0]!;
  const pick = (k: string) => ({ n: Number(r[`${k}_n`]), p: Number(r[`${k}_p`]) });
  return {
    start: pick("start"),
    added: pick("added"),
    removed: pick("removed"),
    completed: pick("completed"),
    carried: pick("carried"),
    points: Boolean(r.points),
  };
}

/** Each day from the first to `lastDay`: the cycle's tasks at the end of the day, done and not done. */
export async function reportDays(db: Database, s: Scope, lastDay: string): Promise<ReportDay[]> {
  if (lastDay < s.startDate) return [];
  const cut = sql`least(((d.day + 1)::timestamp at time zone ${s.timezone}), ${s.until.toISOString()}::timestamptz)`;
  const result = (await db.execute(sql`
    with ${history(s)},
    days as (select generate_series(${s.startDate}::timestamp, ${lastDay}::timestamp, interval '1 day')::date as day),
    grid as (
      select d.day, m.pts, ${insideAt(cut)} as inside, coalesce(${categoryAt(cut)}, 'unstarted') as category
      from days d cross join members m
    )
    select to_char(d.day, 'YYYY-MM-DD') as date,
      count(*) filter (where g.inside)::int as "scopeN", coalesce(sum(g.pts) filter (where g.inside), 0)::float8 as "scopeP",
      count(*) filter (where g.inside and g.category = 'completed')::int as "doneN",
      coalesce(sum(g.pts) filter (where g.inside and g.category = 'completed'), 0)::float8 as "doneP",
      count(*) filter (where g.inside and g.category not in ('completed', 'canceled'))::int as "openN",
      coalesce(sum(g.pts) filter (where g.inside and g.category not in ('completed', 'canceled')), 0)::float8 as "openP"
    from days d left join grid g on g.day = d.day
    group by d.day order by d.day`)) as unknown as { rows: ReportDay[] };
  return result.rows.map((r) => ({
    date: r.date,
    scopeN: Number(r.scopeN),
    scopeP: Number(r.scopeP),
    doneN: Number(r.doneN),
    doneP: Number(r.doneP),
    openN: Number(r.openN),
    openP: Number(r.openP),
  }));
}
