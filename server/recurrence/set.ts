import { eq, sql } from "drizzle-orm";
import { taskSeries, tasks } from "@/db/schema";
import type { ServiceContext } from "../context";
import { PreconditionFailedError, ValidationError } from "../errors";
import { recordEvent } from "../events/record";
import { requireUserId, withTransaction } from "../transaction";
import { getTaskForActorOrThrow, type TaskRef } from "../tasks/internal";
import { recordActivity } from "../tasks/audit";
import { loadTasks } from "../tasks/load";
import { completeOccurrence } from "./consumer";
import { lockSeries, occurrenceDateOf, ruleOrThrow, templateOf, todayIn, toRecurrence } from "./internal";
import { hasDatesAfter } from "./rule";
import { SetRecurrenceInput, type Recurrence } from "./schemas";

/**
 * Makes a task repeat, or changes the rule of its series from this occurrence on. The rule counts
 * from this task's date (due, else start, else today), which becomes the series' DTSTART; the task's
 * current fields become the template later occurrences copy. If-Match names the series' version.
 */
export async function setRecurrence(args: {
  ctx: ServiceContext;
  ref: TaskRef | string;
  input: SetRecurrenceInput;
  ifMatch?: number;
}): Promise<Recurrence> {
  const input = SetRecurrenceInput.parse(args.input);
  const actorId = requireUserId(args.ctx);
  const rule = ruleOrThrow(input.rule);
  return withTransaction(args.ctx, async (tx) => {
    const { project, task } = await getTaskForActorOrThrow({ db: tx, ctx: args.ctx, ref: args.ref, action: "project.write" });
    const [current] = await tx.select().from(tasks).where(eq(tasks.id, task.id)).for("no key update");
    if (!current) throw new PreconditionFailedError("The task was deleted meanwhile");
    const existing = current.seriesId ? await lockSeries(tx, current.seriesId) : null;
    if (args.ifMatch !== undefined && args.ifMatch !== existing?.version) throw new PreconditionFailedError();

    const date = current.occurrenceDate ?? occurrenceDateOf(current, todayIn(project.timezone, args.ctx.now));
    if (!hasDatesAfter(rule, date, date)) throw new ValidationError([{ path: "rule", message: `has no dates after ${date}` }]);
    const index = current.occurrenceIndex ?? 1;
    const fields = {
      rule: rule.text,
      trigger: input.trigger,
      dtstart: date,
      startIndex: index,
      template: await templateOf(tx, current, date),
    };
    const [series] = existing
      ? await tx
          .update(taskSeries)
          .set({ ...fields, version: sql`${taskSeries.version} + 1`, updatedAt: args.ctx.now })
          .where(eq(taskSeries.id, existing.id))
          .returning()
      : await tx
          .insert(taskSeries)
          .values({ ...fields, projectId: project.id, createdBy: actorId, createdAt: args.ctx.now, updatedAt: args.ctx.now })
          .returning();

    const from = existing?.rule ?? null;
    if (from !== rule.text) {
      await tx
        .update(tasks)
        .set({
          seriesId: series!.id,
          occurrenceIndex: index,
          occurrenceDate: date,
          version: sql`${tasks.version} + 1`,
          updatedAt: args.ctx.now,
        })
        .where(eq(tasks.id, current.id));
      const changes = [{ field: "recurrence" as const, from, to: rule.text }];
      await recordActivity(tx, { taskId: current.id, projectId: project.id, actorId, at: args.ctx.now, type: "updated", changes });
      const [loaded] = await loadTasks(tx, [current.id]);
      await recordEvent(tx, {
        type: "task.updated",
        projectId: project.id,
        actorId,
        data: { task: loaded!, changes },
        refuseArchived: true,
      });
    }
    // Set on a task already done: its completion event has passed, so its successor is made now.
    if (current.completedAt && input.trigger === "on_complete") await completeOccurrence(tx, current.id, actorId, args.ctx.now);
    return toRecurrence(series!, { occurrenceIndex: index, occurrenceDate: date });
  });
}
