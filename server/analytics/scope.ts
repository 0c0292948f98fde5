import { sql, type SQL } from "drizzle-orm";

/** The projects a query covers: one for a project's analytics, the visible ones for a workspace's. */
export type Scope = { projectIds: string[]; now: Date };

/** `t.project_id in (...)`: an equality list, so the (project_id, …) indexes of tasks apply. */
export function inScope(column: SQL, scope: Scope): SQL {
  if (scope.projectIds.length === 0) return sql`false`;
  return sql`${column} in (${sql.join(
    scope.projectIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
}

/**
 * Open tasks of the scope with each one's local "today" (its project's time zone), the base of
 * every "now" figure. Joined through the (project_id, status_id) index.
 */
export function openTasks(scope: Scope): SQL {
  return sql`
    select t.id, t.project_id, t.priority, t.due_date, t.estimate, s.category,
           (${scope.now.toISOString()}::timestamptz at time zone p.timezone)::date as today
    from tasks t
    join statuses s on s.id = t.status_id
    join projects p on p.id = t.project_id
    where ${inScope(sql`t.project_id`, scope)} and t.deleted_at is null and s.category not in ('completed', 'canceled')`;
}

/** Range bounds of the project `p` in its zone: [from 00:00, the day after to 00:00). */
export function rangeBounds(from: string, to: string): { start: SQL; end: SQL } {
  return {
    start: sql`(${from}::date::timestamp at time zone p.timezone)`,
    end: sql`((${to}::date + 1)::timestamp at time zone p.timezone)`,
  };
}
