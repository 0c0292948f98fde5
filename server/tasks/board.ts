import { and, asc, count, eq, type SQL } from "drizzle-orm";
import { statuses, tasks } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor, requireUserId } from "../transaction";
import { toPage } from "../pagination";
import { getProjectForActorOrThrow } from "../projects/internal";
import { toStatus } from "../projects/list-statuses";
import type { Status } from "../projects/schemas";
import { TaskListQuery, type TaskListInput } from "./filters";
import { buildTaskWhere } from "./list";
import { loadTasks } from "./load";
import type { Task } from "./schemas";

export const BOARD_COLUMN_LIMIT = 100;

/** `nextCursor` continues the column through the task list (status = the column, sort = position). */
export type BoardColumn = { statusId: string; count: number; tasks: Task[]; nextCursor: string | null };
export type Board = { statuses: Status[]; columns: BoardColumn[] };

/**
 * The board in one call: the workflow, and for each status the number of matching tasks and the
 * first `perColumn` of them in board order. Written as one count plus one keyset query per column
 * so the column queries can later fold into a single LATERAL query without changing the answer.
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
  const { project } = await getProjectForActorOrThrow({ db, ctx: args.ctx, projectId: args.projectId, action: "project.read" });
  const statusRows = await db
    .select()
    .from(statuses)
    .where(eq(statuses.projectId, project.id))
    .orderBy(asc(statuses.position), asc(statuses.id));
  const where = await buildTaskWhere(db, { projectIds: [project.id], userId }, query);

  const counts = await db
    .select({ statusId: tasks.statusId, n: count() })
    .from(tasks)
    .where(and(...where))
    .groupBy(tasks.statusId);
  const countOf = new Map(counts.map((c) => [c.statusId, Number(c.n)]));
  const pages = await Promise.all(
    statusRows.map((s) =>
      countOf.get(s.id) ? columnPage(db, [...where, eq(tasks.statusId, s.id)], limit) : { ids: [], nextCursor: null },
    ),
  );

  const loaded = await loadTasks(
    db,
    pages.flatMap((p) => p.ids),
  );
  const byId = new Map(loaded.map((t) => [t.id, t]));
  return {
    statuses: statusRows.map(toStatus),
    columns: statusRows.map((s, i) => ({
      statusId: s.id,
      count: countOf.get(s.id) ?? 0,
      tasks: pages[i]!.ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
      nextCursor: pages[i]!.nextCursor,
    })),
  };
}

async function columnPage(
  db: Awaited<ReturnType<typeof dbFor>>,
  where: SQL[],
  limit: number,
): Promise<{ ids: string[]; nextCursor: string | null }> {
  const rows = await db
    .select({ id: tasks.id, position: tasks.position })
    .from(tasks)
    .where(and(...where))
    .orderBy(asc(tasks.position), asc(tasks.id))
    .limit(limit + 1);
  // The cursor of the list's position sort (list-sort.ts), so "load more" is a plain list request.
  const page = toPage(
    rows,
    limit,
    (r) => ["position", r.position, r.id],
    (r) => r.id,
  );
  return { ids: page.data, nextCursor: page.nextCursor };
}
