import { and, eq, isNotNull, sql } from "drizzle-orm";
import { timeEntries } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor } from "../transaction";
import { getTaskForActorOrThrow, type TaskRef } from "../tasks/internal";
import { listTaskTimeEntries } from "./list-task";
import type { TimeEntry } from "./schemas";

export type TaskTime = { totalSeconds: number; entries: TimeEntry[]; more: boolean };

/** What the task drawer and page show: the finished time on the task (summed in SQL) and its newest entries. */
export async function getTaskTime(args: { ctx: ServiceContext; ref: TaskRef | string }): Promise<TaskTime> {
  const db = await dbFor(args.ctx);
  const { task } = await getTaskForActorOrThrow({ db, ctx: args.ctx, ref: args.ref, action: "project.read" });
  const [[sum], page] = await Promise.all([
    db
      .select({ total: sql<string | number | null>`sum(${timeEntries.seconds})` })
      .from(timeEntries)
      .where(and(eq(timeEntries.taskId, task.id), isNotNull(timeEntries.seconds))),
    listTaskTimeEntries({ ctx: args.ctx, ref: task.id, page: { limit: 50 } }),
  ]);
  return { totalSeconds: Number(sum?.total ?? 0), entries: page.data, more: page.nextCursor !== null };
}
