import { and, eq, isNull, sql } from "drizzle-orm";
import { taskSeries, tasks } from "@/db/schema";
import type { ServiceContext } from "../context";
import { NotFoundError, PreconditionFailedError } from "../errors";
import { recordEvent } from "../events/record";
import { requireUserId, withTransaction } from "../transaction";
import { getTaskForActorOrThrow, type TaskRef } from "../tasks/internal";
import { recordActivity } from "../tasks/audit";
import { loadTasks } from "../tasks/load";
import { lockSeries } from "./internal";

/**
 * Stops a series: no occurrence is created any more, and every task of it (this one, earlier and
 * later ones) stops being recurring, each with an activity entry and a task.updated event.
 * If-Match names the series' version.
 */
export async function removeRecurrence(args: { ctx: ServiceContext; ref: TaskRef | string; ifMatch?: number }): Promise<void> {
  const actorId = requireUserId(args.ctx);
  await withTransaction(args.ctx, async (tx) => {
    const { project, task } = await getTaskForActorOrThrow({ db: tx, ctx: args.ctx, ref: args.ref, action: "project.write" });
    if (!task.seriesId) throw new NotFoundError("Recurrence");
    const series = await lockSeries(tx, task.seriesId);
    if (!series) throw new NotFoundError("Recurrence");
    if (args.ifMatch !== undefined && args.ifMatch !== series.version) throw new PreconditionFailedError();
    const detached = await tx
      .update(tasks)
      .set({ seriesId: null, version: sql`${tasks.version} + 1`, updatedAt: args.ctx.now })
      .where(and(eq(tasks.seriesId, series.id), isNull(tasks.deletedAt)))
      .returning({ id: tasks.id });
    await tx.delete(taskSeries).where(eq(taskSeries.id, series.id));
    const changes = [{ field: "recurrence" as const, from: series.rule, to: null }];
    for (const { id } of detached) {
      await recordActivity(tx, { taskId: id, projectId: project.id, actorId, at: args.ctx.now, type: "updated", changes });
    }
    for (const loaded of await loadTasks(
      tx,
      detached.map((d) => d.id),
    )) {
      await recordEvent(tx, {
        type: "task.updated",
        projectId: project.id,
        actorId,
        data: { task: loaded, changes },
        refuseArchived: true,
      });
    }
  });
}
