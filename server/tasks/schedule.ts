import { and, asc, count, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { taskDependencies, tasks } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor, requireUserId } from "../transaction";
import { fieldError } from "../errors";
import { getProjectForActorOrThrow } from "../projects/internal";
import { TaskListQuery, taskFilterShape } from "./filters";
import { buildTaskWhere } from "./list";
import { loadTasks } from "./load";
import { CalendarDate, type Task } from "./schemas";

// The timeline and the calendar read a window of days: every task whose dates touch it, the
// dependencies between those tasks, and (beside the window) the tasks that have no dates at all.

export const SCHEDULE_MAX_DAYS = 400;
export const SCHEDULE_MAX_TASKS = 2000;
export const SCHEDULE_UNDATED_LIMIT = 100;

export const ScheduleQuery = z
  .object({
    ...taskFilterShape,
    from: CalendarDate.describe("First day of the window (YYYY-MM-DD)"),
    to: CalendarDate.describe(`Last day of the window (YYYY-MM-DD), at most ${SCHEDULE_MAX_DAYS} days after from`),
  })
  .meta({ id: "ScheduleQuery" });
export type ScheduleInput = z.input<typeof ScheduleQuery>;

export type Schedule = {
  from: string;
  to: string;
  tasks: Task[];
  truncated: boolean;
  dependencies: { taskId: string; blockedById: string }[];
  undated: Task[];
  undatedCount: number;
};

const DAY_MS = 86_400_000;

/** GET /projects/{projectId}/schedule: readable by anyone who can see the project. */
export async function getSchedule(args: { ctx: ServiceContext; projectId: string; query: ScheduleInput }): Promise<Schedule> {
  const { from, to, ...filters } = ScheduleQuery.parse(args.query);
  if (to < from) throw fieldError("to", "must not be before from");
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS > SCHEDULE_MAX_DAYS)
    throw fieldError("to", `must be at most ${SCHEDULE_MAX_DAYS} days after from`);
  const userId = requireUserId(args.ctx);
  const db = await dbFor(args.ctx);
  const { project } = await getProjectForActorOrThrow({ db, ctx: args.ctx, projectId: args.projectId, action: "project.read" });
  const query = TaskListQuery.parse({ ...filters, limit: 1 });
  const where = await buildTaskWhere(db, { projectIds: [project.id], userId }, query);

  // A task spans start..due; with one of the two it is a single day.
  const first = sql`coalesce(${tasks.startDate}, ${tasks.dueDate})`;
  const last = sql`coalesce(${tasks.dueDate}, ${tasks.startDate})`;
  const dated = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(...where, sql`${first} <= ${to}`, sql`${last} >= ${from}`))
    .orderBy(sql`${first}`, asc(tasks.id))
    .limit(SCHEDULE_MAX_TASKS + 1);
  const undatedWhere = and(...where, isNull(tasks.startDate), isNull(tasks.dueDate));
  const [undatedIds, [counted]] = await Promise.all([
    db.select({ id: tasks.id }).from(tasks).where(undatedWhere).orderBy(asc(tasks.position), asc(tasks.id)).limit(SCHEDULE_UNDATED_LIMIT),
    db.select({ n: count() }).from(tasks).where(undatedWhere),
  ]);
  const ids = dated.slice(0, SCHEDULE_MAX_TASKS).map((r) => r.id);
  const [windowTasks, undated, dependencies] = await Promise.all([
    loadTasks(db, ids),
    loadTasks(
      db,
      undatedIds.map((r) => r.id),
    ),
    ids.length
      ? db
          .select({ taskId: taskDependencies.taskId, blockedById: taskDependencies.blockedById })
          .from(taskDependencies)
          .where(and(inArray(taskDependencies.taskId, ids), inArray(taskDependencies.blockedById, ids)))
      : Promise.resolve([]),
  ]);
  return {
    from,
    to,
    tasks: windowTasks,
    truncated: dated.length > SCHEDULE_MAX_TASKS,
    dependencies,
    undated,
    undatedCount: Number(counted?.n ?? 0),
  };
}
