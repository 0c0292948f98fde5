import { and, inArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { tasks } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor, requireUserId } from "@/server/transaction";
import { toPage, type Page } from "../pagination";
import { getProjectForActorOrThrow } from "../projects/internal";
import { getWorkspaceForActorOrThrow } from "../workspaces/internal";
import { effectiveSort, TaskListQuery, type TaskListInput } from "./filters";
import { filterConditions } from "./filters-sql";
import { visibleProjectIds } from "./list-scope";
import { cursorKeyOf, decodeTaskCursor, sortOf, type SortRow } from "./list-sort";
import { loadTasks } from "./load";
import type { Task } from "./schemas";
import { searchTerms } from "./search";

/** GET /projects/{projectId}/tasks: readable by anyone who can see the project, archived included. */
export async function listProjectTasks(args: { ctx: ServiceContext; projectId: string; query: TaskListInput }): Promise<Page<Task>> {
  const query = TaskListQuery.parse(args.query);
  const userId = requireUserId(args.ctx);
  const db = await dbFor(args.ctx);
  const { project } = await getProjectForActorOrThrow({ db, ctx: args.ctx, projectId: args.projectId, action: "project.read" });
  return queryTasks(db, { projectIds: [project.id], userId }, query);
}

/** GET /workspaces/{slug}/tasks: across every non-archived project of the workspace the caller can see. */
export async function listWorkspaceTasks(args: { ctx: ServiceContext; slug: string; query: TaskListInput }): Promise<Page<Task>> {
  const query = TaskListQuery.parse(args.query);
  const userId = requireUserId(args.ctx);
  const db = await dbFor(args.ctx);
  const { workspace, role } = await getWorkspaceForActorOrThrow({ db, ctx: args.ctx, slug: args.slug, action: "workspace.read" });
  const projectIds = await visibleProjectIds(db, { workspaceId: workspace.id, userId, workspaceRole: role });
  return queryTasks(db, { projectIds, userId }, query);
}

async function queryTasks(db: Database, scope: TaskScope, query: TaskListQuery): Promise<Page<Task>> {
  const built = await buildTaskQuery(db, scope, query);
  if (!built) return { data: [], nextCursor: null };
  const rows: SortRow[] = await built.select;
  const page = toPage(rows, query.limit, (r) => cursorKeyOf(built.sort, r), (r) => r.id);
  return { data: await loadTasks(db, page.data), nextCursor: page.nextCursor };
}

export type TaskScope = { projectIds: string[]; userId: string };

/** The page's id query, unexecuted (the plan test EXPLAINs exactly this); null when no project is in scope. */
export async function buildTaskQuery(db: Database, scope: TaskScope, query: TaskListQuery) {
  const sortName = effectiveSort(query);
  const sort = sortOf(sortName);
  const after = decodeTaskCursor(query.cursor, sortName);
  if (scope.projectIds.length === 0) return null;

  const { where, rank } = await buildTaskWhere(db, scope, query);
  if (after) where.push(sort.after(after, rank));

  const select = db
    .select({
      id: tasks.id,
      position: tasks.position,
      createdAt: tasks.createdAt,
      updatedAt: tasks.updatedAt,
      priority: tasks.priority,
      dueDate: tasks.dueDate,
      rank: sql<number | null>`${rank}`.mapWith((v: unknown) => (v === null ? null : Number(v))),
    })
    .from(tasks)
    .where(and(...where))
    .orderBy(...sort.orderBy(rank))
    .limit(query.limit + 1);
  return { select, sort: sortName };
}

/** The scope and filter terms (search included) of a task list, shared by the list and the board's counts. */
export async function buildTaskWhere(db: Database, scope: TaskScope, query: TaskListQuery): Promise<{ where: SQL[]; rank: SQL }> {
  const where: SQL[] = [inArray(tasks.projectId, scope.projectIds), ...filterConditions(query, scope)];
  let rank: SQL = sql`null::float8`;
  if (query.q) {
    const search = await searchTerms(db, { q: query.q, projectIds: scope.projectIds, filtered: [...where], ranked: effectiveSort(query) === "relevance" });
    rank = search.rank;
    where.push(search.where);
  }
  return { where, rank };
}
