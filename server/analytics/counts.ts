import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { openTasks, type Scope } from "./scope";
import { rows } from "./sql";

export type OpenCounts = {
  projectId: string | null;
  open: number;
  backlog: number;
  unstarted: number;
  started: number;
  p0: number;
  p1: number;
  p2: number;
  p3: number;
  p4: number;
  overdue: number;
  dueThisWeek: number;
  unassigned: number;
  blocked: number;
};

/**
 * The "now" figures over open tasks, per project and in total (the row whose projectId is null),
 * in one pass. Due this week: due Monday..Sunday of the current week (overdue days included).
 * Blocked: some blocker of the task is itself open.
 */
export async function openCounts(db: Database, scope: Scope): Promise<OpenCounts[]> {
  return rows<OpenCounts>(
    db,
    sql`
      with o as (${openTasks(scope)}),
      w as (select o.*, o.today - (extract(isodow from o.today)::int - 1) as monday from o)
      select w.project_id::text as "projectId",
        count(*)::int as open,
        count(*) filter (where category = 'backlog')::int as backlog,
        count(*) filter (where category = 'unstarted')::int as unstarted,
        count(*) filter (where category = 'started')::int as started,
        count(*) filter (where priority = 0)::int as p0,
        count(*) filter (where priority = 1)::int as p1,
        count(*) filter (where priority = 2)::int as p2,
        count(*) filter (where priority = 3)::int as p3,
        count(*) filter (where priority = 4)::int as p4,
        count(*) filter (where due_date < today)::int as overdue,
        count(*) filter (where due_date >= monday and due_date < monday + 7)::int as "dueThisWeek",
        count(*) filter (where not exists (select 1 from task_assignees ta where ta.task_id = w.id))::int as unassigned,
        count(*) filter (where exists (
          select 1 from task_dependencies d
          join tasks b on b.id = d.blocked_by_id and b.deleted_at is null
          join statuses bs on bs.id = b.status_id
          where d.task_id = w.id and bs.category not in ('completed', 'canceled')
        ))::int as blocked
      from w
      group by grouping sets ((w.project_id), ())`,
  );
}

export type AssigneeRow = { userId: string | null; name: string | null; count: number; estimate: number };

/** Open tasks and their summed estimate per assignee; a task counts in full for each of its assignees. */
export async function assigneeLoad(db: Database, scope: Scope): Promise<AssigneeRow[]> {
  return rows<AssigneeRow>(
    db,
    sql`
      with o as (${openTasks(scope)})
      select * from (
        select u.id::text as "userId", u.name, count(*)::int as count, coalesce(sum(o.estimate), 0)::float8 as estimate
        from o join task_assignees ta on ta.task_id = o.id join users u on u.id = ta.user_id
        group by u.id, u.name
        union all
        select null, null, count(*)::int, coalesce(sum(o.estimate), 0)::float8
        from o where not exists (select 1 from task_assignees ta where ta.task_id = o.id)
        having count(*) > 0
      ) x
      order by count desc, estimate desc, name nulls last`,
  );
}

export type StatusCount = {
  statusId: string;
  name: string;
  category: "backlog" | "unstarted" | "started" | "completed" | "canceled";
  count: number;
};

/** Every status of the project in board order, with its open tasks (0 for completed and canceled ones). */
export async function statusCounts(db: Database, projectId: string): Promise<StatusCount[]> {
  return rows<StatusCount>(
    db,
    sql`
      select s.id::text as "statusId", s.name, s.category,
        (case when s.category in ('completed', 'canceled') then 0
              else (select count(*) from tasks t where t.project_id = s.project_id and t.status_id = s.id and t.deleted_at is null) end)::int as count
      from statuses s
      where s.project_id = ${projectId}::uuid
      order by s.position, s.id`,
  );
}
