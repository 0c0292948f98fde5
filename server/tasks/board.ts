import { fieldValueJson } from "../custom-fields/task-values";
import { and, sql, type SQL } from "drizzle-orm";
import type { ServiceContext } from "../context";
import { dbFor, requireUserId } from "../transaction";
import { encodeCursor } from "../pagination";
import { authorize, type ProjectResource } from "../auth/policy";
import type { Status } from "../projects/schemas";
import { TaskListQuery, type TaskListInput } from "./filters";
import { buildTaskWhere } from "./list";
import type { Task } from "./schemas";

export const BOARD_COLUMN_LIMIT = 100;

/** `nextCursor` continues the column through the task list (status = the column, sort = position). */
export type BoardColumn = { statusId: string; count: number; tasks: Task[]; nextCursor: string | null };
export type Board = { statuses: Status[]; columns: BoardColumn[] };

type Access = {
  workspaceRole: ProjectResource["workspaceRole"];
  projectRole: ProjectResource["projectRole"];
  visibility: "workspace" | "private";
};
type ColumnRow = Status & { count: number; cards: Task[] };

/**
 * The board in one statement: the caller's roles on the project, the workflow, and for each status
 * the number of matching tasks and the first `perColumn` of them in board order, already shaped as
 * the contract's Task (assignees and labels aggregated as JSON). The access facts come back beside
 * the board and the policy decides before anything is returned, so an invisible project is a 404
 * as before. Only a search (`q`) may cost one more round trip (the key lookup of searchFilter).
 */
export async function getBoard(args: {
  ctx: ServiceContext;
  projectId: string;
  filters?: TaskListInput;
  perColumn?: number;
}): Promise<Board> {
  const userId = requireUserId(args.ctx);
  const limit = Math.min(Math.max(args.perColumn ?? BOARD_COLUMN_LIMIT, 1), BOARD_COLUMN_LIMIT);
  const query = TaskListQuery.parse({ ...args.filters, sort: "position", limit, cursor: undefined });
  const db = await dbFor(args.ctx);
  const where = await buildTaskWhere(db, { projectIds: [args.projectId], userId }, query);
  const result = (await db.execute(boardStatement(args.projectId, userId, and(...where)!, limit))) as unknown as {
    rows: { access: Access | string | null; columns: ColumnRow[] | string | null }[];
  };
  const row = result.rows[0];
  const access = json<Access | null>(row?.access ?? null);
  // A project member who has left the workspace sees nothing (as getProjectForActorOrThrow).
  const resource: ProjectResource = {
    type: "project",
    workspaceRole: access?.workspaceRole ?? null,
    projectRole: access?.workspaceRole ? (access.projectRole ?? null) : null,
    visibility: access?.visibility ?? "private",
  };
  authorize("project.read", resource, "Project");
  const columns = json<ColumnRow[] | null>(row?.columns ?? null) ?? [];
  return {
    statuses: columns.map(({ count: _count, cards: _cards, ...status }) => status),
    columns: columns.map((c) => {
      const hasMore = c.cards.length > limit;
      const cards = hasMore ? c.cards.slice(0, limit) : c.cards;
      const last = cards[cards.length - 1];
      // The cursor of the list's position sort (list-sort.ts), so "load more" is a plain list request.
      return {
        statusId: c.id,
        count: c.count,
        tasks: cards,
        nextCursor: hasMore && last ? encodeCursor(["position", last.position, last.id]) : null,
      };
    }),
  };
}

function json<T>(value: T | string): T {
  return typeof value === "string" ? (JSON.parse(value) as T) : value;
}

const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * One row: `access` (null when the project does not exist) and `columns` (statuses in board order,
 * each with its count and its first limit + 1 cards; the extra card only says whether there are more).
 * `where` is the task list's filter over "tasks"; each column reads it through
 * tasks_project_status_position_idx.
 */
function boardStatement(projectId: string, userId: string, where: SQL, limit: number): SQL {
  return sql`
    with acc as (
      select p.key, p.visibility, wm.role as workspace_role, pm.role as project_role
      from projects p
      left join workspace_members wm on wm.workspace_id = p.workspace_id and wm.user_id = ${userId}::uuid
      left join project_members pm on pm.project_id = p.id and pm.user_id = ${userId}::uuid
      where p.id = ${projectId}::uuid
    ),
    cnt as (
      select tasks.status_id, count(*)::int as n from tasks where ${where} group by tasks.status_id
    )
    select
      (select json_build_object('workspaceRole', workspace_role, 'projectRole', project_role, 'visibility', visibility) from acc) as access,
      (select coalesce(json_agg(json_build_object(
          'id', s.id, 'projectId', s.project_id, 'name', s.name, 'category', s.category, 'color', s.color,
          'position', s.position, 'isDefault', s.is_default, 'wipLimit', s.wip_limit, 'createdAt', ${iso(sql`s.created_at`)},
          'count', coalesce(cnt.n, 0),
          'cards', coalesce(cards.list, '[]'::json)
        ) order by s.position, s.id), '[]'::json)
        from acc
        cross join statuses s
        left join cnt on cnt.status_id = s.id
        left join lateral (
          select json_agg(json_build_object(
            'id', t.id, 'key', acc.key || '-' || t.number, 'number', t.number, 'projectId', t.project_id,
            'title', t.title, 'description', t.description,
            'status', json_build_object('id', s.id, 'name', s.name, 'category', s.category),
            'priority', coalesce((array['none','low','medium','high','urgent'])[t.priority + 1], 'none'),
            'assignees', coalesce((
              select json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name)
              from task_assignees ta join users u on u.id = ta.user_id where ta.task_id = t.id), '[]'::json),
            'labels', coalesce((
              select json_agg(json_build_object('id', l.id, 'name', l.name, 'color', l.color) order by l.name)
              from task_labels tl join labels l on l.id = tl.label_id where tl.task_id = t.id), '[]'::json),
            'reporter', case when t.reporter_id is null then null
              else json_build_object('id', t.reporter_id, 'name', coalesce((select r.name from users r where r.id = t.reporter_id), '')) end,
            'dueDate', t.due_date, 'startDate', t.start_date, 'estimate', t.estimate, 'parentId', (select lp.id from tasks lp where lp.id = t.parent_id and lp.deleted_at is null),
            'position', t.position, 'version', t.version,
            'createdAt', ${iso(sql`t.created_at`)}, 'updatedAt', ${iso(sql`t.updated_at`)},
            'completedAt', ${iso(sql`t.completed_at`)},
            'seriesId', t.series_id,
            'customFields', ${fieldValueJson("t")},
            'cycleId', t.cycle_id
          ) order by t.position, t.id) as list
          from (
            select tasks.id, tasks.number, tasks.project_id, tasks.title, tasks.description, tasks.priority, tasks.reporter_id,
              tasks.due_date, tasks.start_date, tasks.estimate, tasks.parent_id, tasks.position, tasks.version,
              tasks.created_at, tasks.updated_at, tasks.completed_at, tasks.series_id, tasks.cycle_id
            from tasks
            where tasks.status_id = s.id and ${where}
            order by tasks.position, tasks.id
            limit ${limit + 1}
          ) t
        ) cards on coalesce(cnt.n, 0) > 0
        where s.project_id = ${projectId}::uuid
      ) as columns`;
}
