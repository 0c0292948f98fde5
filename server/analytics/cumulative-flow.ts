import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rows } from "./sql";

export type FlowRow = { date: string; statusId: string; count: number };

/**
 * Tasks per status at the end of each day of [from, to], rebuilt from the status history in
 * activity (field "status": the creation row carries the initial status, updates the new one), so past days
 * stay right after tasks move on. Each task's last status of a local day holds until its next
 * change: +1 where an interval starts, -1 where it ends, and a running sum (window) per status
 * over generate_series' days. Reads activity through its (project_id, field, created_at) index.
 */
export async function cumulativeFlow(db: Database, projectId: string, timezone: string, from: string, to: string): Promise<FlowRow[]> {
  return rows<FlowRow>(
    db,
    sql`
      with hist as (
        select a.task_id, a.id, a.created_at, (a.created_at at time zone ${timezone})::date as day, a.to_value #>> '{}' as status_id
        from activity a
        where a.project_id = ${projectId}::uuid and a.field = 'status'
          and not exists (select 1 from tasks gone where gone.id = a.task_id and gone.deleted_at is not null)
          and a.created_at < ((${to}::date + 1)::timestamp at time zone ${timezone})
      ),
      end_of_day as (
        select distinct on (task_id, day) task_id, day, status_id from hist order by task_id, day, created_at desc, id desc
      ),
      spans as (
        select status_id, day, lead(day) over (partition by task_id order by day) as next_day from end_of_day
      ),
      deltas as (
        select greatest(day, ${from}::date) as day, status_id, 1 as d from spans where next_day is null or next_day > ${from}::date
        union all
        select next_day, status_id, -1 from spans where next_day > ${from}::date and next_day <= ${to}::date
      ),
      daily as (select day, status_id, sum(d) as n from deltas group by day, status_id),
      keys as (
        select distinct status_id from daily
        union select s.id::text from statuses s where s.project_id = ${projectId}::uuid
      ),
      days as (select generate_series(${from}::timestamp, ${to}::timestamp, interval '1 day')::date as day)
      select to_char(days.day, 'YYYY-MM-DD') as date, keys.status_id as "statusId",
        (sum(coalesce(daily.n, 0)) over (partition by keys.status_id order by days.day))::int as count
      from days cross join keys
      left join daily on daily.day = days.day and daily.status_id = keys.status_id
      order by days.day, keys.status_id`,
  );
}
