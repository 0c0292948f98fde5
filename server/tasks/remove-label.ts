import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { activity, labels, taskLabels, tasks } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { NotFoundError } from "../errors";
import { recordEvent } from "../events/record";
import { getProjectForActorOrThrow } from "../projects/internal";
import { loadTasks } from "./load";

/**
 * Deleting a label takes it off every task; those tasks change, so each gets version+1, a "labels"
 * activity row (ids before and after) and a task.updated event. Project members.
 */
export async function removeLabel(args: { ctx: ServiceContext; projectId: string; labelId: string }): Promise<void> {
  const actorId = requireUserId(args.ctx);
  await withTransaction(args.ctx, async (tx) => {
    const { project } = await getProjectForActorOrThrow({ db: tx, ctx: args.ctx, projectId: args.projectId, action: "project.write" });
    const [label] = await tx
      .select({ id: labels.id })
      .from(labels)
      .where(and(eq(labels.id, args.labelId), eq(labels.projectId, project.id)))
      .for("update");
    if (!label) throw new NotFoundError("Label");
    const tagged = await tx
      .update(tasks)
      .set({ version: sql`${tasks.version} + 1`, updatedAt: args.ctx.now })
      .where(
        and(
          eq(tasks.projectId, project.id),
          // Tasks in the trash just lose the label with it (no version, activity or event: nobody sees them).
          isNull(tasks.deletedAt),
          inArray(tasks.id, tx.select({ id: taskLabels.taskId }).from(taskLabels).where(eq(taskLabels.labelId, label.id))),
        ),
      )
      .returning({ id: tasks.id });
    const ids = tagged.map((t) => t.id);
    const before = ids.length ? await tx.select().from(taskLabels).where(inArray(taskLabels.taskId, ids)) : [];
    await tx.delete(labels).where(and(eq(labels.id, label.id), eq(labels.projectId, project.id)));
    if (ids.length === 0) return;
    const labelIdsOf = (taskId: string) =>
      before
        .filter((r) => r.taskId === taskId)
        .map((r) => r.labelId)
        .sort();
    await tx.insert(activity).values(
      ids.map((taskId) => {
        const from = labelIdsOf(taskId);
        return {
          taskId,
          projectId: project.id,
          actorId,
          type: "updated",
          field: "labels",
          fromValue: from,
          toValue: from.filter((id) => id !== label.id),
          createdAt: args.ctx.now,
        };
      }),
    );
    for (const task of await loadTasks(tx, ids)) {
      await recordEvent(tx, {
        type: "task.updated",
        projectId: project.id,
        actorId,
        data: { task, changes: [{ field: "labels", from: labelIdsOf(task.id), to: task.labels.map((l) => l.id).sort() }] },
      });
    }
  });
}
