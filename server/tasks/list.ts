import { and, inArray, isNull, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Database } from "@/db/client";
import { tasks } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor, requireUserId } from "../transaction";
import { toPage, type Page } from "../pagination";
import { getProjectForActorOrThrow } from "../projects/internal";
import { getWorkspaceForActorOrThrow } from "../workspaces/internal";
import { effectiveSort, TaskListQuery, type TaskListInput } from "./filters";
import { filterConditions } from "./filters-sql";
import { visibleProjectIds } from "./list-scope";
import { cursorKeyOf, decodeTaskCursor, sortOf, type SortRow } from "./list-sort";
import { loadTasks } from "./load";
import type { Task } from "./schemas";
import { fieldFilterTerms } from "../custom-fields/filters-sql";
import { fieldSortOf, isFieldSort } from "../custom-fields/sort-sql";
import { findTaskByKey, SEARCH_WINDOW, searchFilter, searchTiers } from "./search";

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
  // Relevance tiers run best first, each only while the page is not full (see buildTaskQuery).
  const rows: SortRow[] = [];
  for (const step of built.steps) {
    const needed = query.limit + 1 - rows.length;
    if (needed <= 0) break;
    let found: SortRow[] = await step.first;
    const next = found.length < needed ? fallbackOf(step, found.length) : undefined;
    if (next) found = await next;
    rows.push(...found.slice(0, needed));
  }
  const page = toPage(
    rows,
    query.limit,
    (r) => cursorKeyOf(built.sort, r, built.custom),
    (r) => r.id,
  );
  return { data: await loadTasks(db, page.data), nextCursor: page.nextCursor };
}

export type TaskScope = { projectIds: string[]; userId: string };
type RowQuery = SQLWrapper & PromiseLike<SortRow[]>;
/** first, then (when it found too few) walk or fallback as fallbackOf picks. */
export type TaskQueryStep = { first: RowQuery; fallback?: RowQuery; walk?: RowQuery };

/**
 * A window that holds at least this many matches says the word is dense among the newest tasks: a
 * page is then expected within ~10k rows of the created index, so walking it (the planner's own
 * choice) beats fetching every match through GIN; fewer, and GIN costs less (it costs the matches).
 */
export const WALK_DENSITY = 10;

/** The query to run after a step's first found `found` rows, too few for the page. */
export function fallbackOf(step: TaskQueryStep, found: number): RowQuery | undefined {
  return found >= WALK_DENSITY && step.walk ? step.walk : step.fallback;
}

/**
 * The page's id queries, unexecuted (the plan test EXPLAINs exactly these): steps run in order
 * until limit + 1 rows are in hand, a step's fallback only when its first query found too few.
 * One step, or one per relevance tier; null when no project is in scope.
 */
export async function buildTaskQuery(db: Database, scope: TaskScope, query: TaskListQuery) {
  const sortName = effectiveSort(query);
  if (isFieldSort(sortName) && scope.projectIds.length === 0) return null;
  const custom = isFieldSort(sortName) ? await fieldSortOf(db, scope.projectIds, sortName) : undefined;
  const sort = sortOf(sortName, custom);
  const after = decodeTaskCursor(query.cursor, sortName, custom);
  if (scope.projectIds.length === 0) return null;

  const where = await scopeAndFilters(db, scope, query);
  const fields = {
    id: tasks.id,
    position: tasks.position,
    createdAt: tasks.createdAt,
    updatedAt: tasks.updatedAt,
    priority: tasks.priority,
    dueDate: tasks.dueDate,
  };
  // The same columns read from a subquery aliased "tasks" (drizzle checks a column's table is in FROM).
  const aliased = Object.fromEntries(Object.entries(fields).map(([k, c]) => [k, sql`${c}`.mapWith(c)])) as {
    [K in keyof typeof fields]: SQL<(typeof fields)[K]["_"]["data"]>;
  };
  const rankOf = (rank: number | null) => sql<number | null>`${rank}::int`.mapWith((v: unknown) => (v === null ? null : Number(v)));
  const select = (rank: number | null, terms: SQL[]) =>
    db
      .select({ ...fields, rank: rankOf(rank), cfValue: custom ? custom.expr : sql<unknown>`null` })
      .from(tasks)
      .where(and(...where, ...terms))
      .orderBy(...sort.orderBy())
      .limit(query.limit + 1);

  if (query.q && sortName === "relevance") {
    const keyTaskId = await findTaskByKey(db, query.q, scope.projectIds);
    const fromTier = after ? (after[0] as number) : Infinity;
    const tiers = searchTiers(query.q, keyTaskId).filter((t) => t.tier <= fromTier);
    // Each tier twice: among the SEARCH_WINDOW newest tasks (bounded whatever the planner guesses; when
    // that fills the page, they are the newest matches), then, when it did not, over every match: by
    // walking (the window held WALK_DENSITY or more) or as "all matches, then sort" (a subquery the
    // planner may not flatten), so GIN finds a word rare among the newest tasks for what its matches
    // number. Left to choose, the planner walked tasks_created_idx for a rare prefix it guessed common
    // (108k rows for 51 at 1M tasks).
    const steps = tiers.map((t): TaskQueryStep => {
      const cursor = after && t.tier === fromTier ? [sort.after(after)] : [];
      if (t.tier === 3) return { first: select(t.tier, [t.where, ...cursor]) };
      const recent = db
        .select()
        .from(tasks)
        .where(and(...where, ...cursor))
        .orderBy(...sort.orderBy())
        .limit(SEARCH_WINDOW);
      // Only the columns the page needs (its sort keys among them): every match is sorted.
      const matching = db
        .select(fields)
        .from(tasks)
        .where(and(...where, t.where, ...cursor));
      const ranked = (from: SQL) =>
        db
          .select({ ...aliased, rank: rankOf(t.tier) })
          .from(from)
          .orderBy(...sort.orderBy())
          .limit(query.limit + 1);
      return {
        first: ranked(sql`(${recent}) as ${tasks}`).where(t.where),
        fallback: ranked(sql`(${matching} offset 0) as ${tasks}`),
        walk: select(t.tier, [t.where, ...cursor]),
      };
    });
    return { steps, sort: sortName, custom };
  }
  if (query.q) where.push(await searchFilter(db, query.q, scope.projectIds));
  const steps: TaskQueryStep[] = [{ first: select(null, after ? [sort.after(after)] : []) }];
  return { steps, sort: sortName, custom };
}

/** The scope and filter terms (search included) of a task list, shared by the list and the board's counts. */
export async function buildTaskWhere(db: Database, scope: TaskScope, query: TaskListQuery): Promise<SQL[]> {
  const where = await scopeAndFilters(db, scope, query);
  if (query.q) where.push(await searchFilter(db, query.q, scope.projectIds));
  return where;
}

/** The projects in scope and the list's filters: every task query starts from these. */
async function scopeAndFilters(db: Database, scope: TaskScope, query: TaskListQuery): Promise<SQL[]> {
  return [
    inArray(tasks.projectId, scope.projectIds),
    isNull(tasks.deletedAt),
    ...filterConditions(query, scope),
    ...(await fieldFilterTerms(db, scope.projectIds, query.cf, scope.userId)),
  ];
}
