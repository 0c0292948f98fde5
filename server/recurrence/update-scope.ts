import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { taskSeries, tasks } from "@/db/schema";
import type { ServiceContext } from "../context";
import { ValidationError } from "../errors";
import { withTransaction } from "../transaction";
import { getTaskForActorOrThrow, type TaskRef } from "../tasks/internal";
import { priorityRank, UpdateTaskInput, type Task } from "../tasks/schemas";
import { updateTask } from "../tasks/update";
import { lockSeries } from "./internal";
import type { SeriesScope } from "./schemas";

/**
 * PATCH of a task with a calendar-like scope. "this" (the default) is a plain update. "future" also
 * writes the template fields to the series (what later occurrences copy) and to the later
 * occurrences already created and not completed, all in one transaction: each gets its own version
 * bump, activity and event. A task that does not repeat refuses "future" (422 naming `scope`).
 */
export async function updateTaskInScope(args: {
  ctx: ServiceContext;
  ref: TaskRef | string;
  input: UpdateTaskInput;
  ifMatch?: number;
  scope?: SeriesScope;
}): Promise<Task> {
  if (args.scope !== "future") return updateTask(args);
  const input = UpdateTaskInput.parse(args.input);
  return withTransaction(args.ctx, async (tx, ctx) => {
    const { task } = await getTaskForActorOrThrow({ db: tx, ctx, ref: args.ref, action: "project.write" });
    if (!task.seriesId) throw new ValidationError([{ path: "scope", message: "the task does not repeat: only scope=this applies" }]);
    const updated = await updateTask({ ctx, ref: task.id, input, ifMatch: args.ifMatch });
    const shared = {
      title: input.title,
      description: input.description,
      priority: input.priority,
      estimate: input.estimate,
      assigneeIds: input.assigneeIds,
      labelIds: input.labelIds,
    };
    const fields = Object.fromEntries(Object.entries(shared).filter(([, v]) => v !== undefined));
    if (Object.keys(fields).length === 0) return updated;

    const series = await lockSeries(tx, task.seriesId);
    if (!series) return updated;
    const template = { ...series.template, ...fields, ...(input.priority ? { priority: priorityRank[input.priority] } : {}) };
    await tx
      .update(taskSeries)
      .set({ template, version: sql`${taskSeries.version} + 1`, updatedAt: ctx.now })
      .where(eq(taskSeries.id, series.id));
    const later = await tx
      .select({ id: tasks.id })
      .from(tasks)
      .where(
        and(
          eq(tasks.seriesId, series.id),
          gt(tasks.occurrenceIndex, task.occurrenceIndex ?? 0),
          isNull(tasks.deletedAt),
          isNull(tasks.completedAt),
        ),
      );
    for (const { id } of later) await updateTask({ ctx, ref: id, input: fields as UpdateTaskInput });
    return updated;
  });
}
