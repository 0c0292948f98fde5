import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { activity, statuses, tasks } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { ConflictError, fieldError, NotFoundError } from "../errors";
import { recordEvent } from "../events/record";
import { getProjectForActorOrThrow } from "../projects/internal";
import type { StatusRow } from "../projects/list-statuses";
import { lockProjectRow } from "../projects/status-position";
import { loadTasks } from "./load";

const closed = (s: StatusRow) => s.category === "completed" || s.category === "canceled";

/**
 * Deletes a status; its tasks move to `moveTo` (required while it holds any), each with version+1,
 * an activity row and a task.updated event. The project keeps at least one status and a default.
 */
export async function removeStatus(args: { ctx: ServiceContext; projectId: string; statusId: string; moveTo?: string }): Promise<void> {
  const actorId = requireUserId(args.ctx);
  await withTransaction(args.ctx, async (tx) => {
    const { project } = await getProjectForActorOrThrow({ db: tx, ctx: args.ctx, projectId: args.projectId, action: "project.admin" });
    await lockProjectRow(tx, project.id);
    const all = await tx
      .select()
      .from(statuses)
      .where(eq(statuses.projectId, project.id))
      .orderBy(asc(statuses.position), asc(statuses.id));
    const doomed = all.find((s) => s.id === args.statusId);
    if (!doomed) throw new NotFoundError("Status");
    // Taken so that a task being created in this status either commits first (and is moved) or waits.
    await tx.select({ id: statuses.id }).from(statuses).where(eq(statuses.id, doomed.id)).for("update");
    const rest = all.filter((s) => s.id !== doomed.id);
    if (rest.length === 0) throw new ConflictError("A project keeps at least one status; add another before deleting this one");
    const target = args.moveTo === undefined ? undefined : rest.find((s) => s.id === args.moveTo);
    if (args.moveTo !== undefined && !target) {
      throw fieldError(
        "moveTo",
        args.moveTo === doomed.id ? "must be another status than the one deleted" : "must be a status of this project",
      );
    }
    const held = await tx.select({ id: tasks.id }).from(tasks).where(eq(tasks.statusId, doomed.id)).for("update");
    if (held.length > 0 && !target) {
      throw fieldError("moveTo", `the status still holds ${held.length} task(s); name the status they move to with ?moveTo=<statusId>`);
    }
    if (held.length > 0 && target) await moveTasks(tx, args.ctx, actorId, project.id, doomed, target);
    if (doomed.isDefault) {
      const heir = target ?? rest.find((s) => s.category === doomed.category) ?? rest.find((s) => !closed(s)) ?? rest[0]!;
      await tx
        .update(statuses)
        .set({ isDefault: true })
        .where(and(eq(statuses.id, heir.id), eq(statuses.projectId, project.id)));
    }
    await tx.delete(statuses).where(and(eq(statuses.id, doomed.id), eq(statuses.projectId, project.id)));
  });
}

/** completedAt follows the category: set on entering completed/canceled, cleared on leaving. */
async function moveTasks(
  tx: Database,
  ctx: ServiceContext,
  actorId: string,
  projectId: string,
  from: StatusRow,
  to: StatusRow,
): Promise<void> {
  const completedAt = !closed(from) && closed(to) ? ctx.now : closed(from) && !closed(to) ? null : undefined;
  const moved = await tx
    .update(tasks)
    .set({ statusId: to.id, version: sql`${tasks.version} + 1`, updatedAt: ctx.now, ...(completedAt !== undefined ? { completedAt } : {}) })
    .where(and(eq(tasks.projectId, projectId), eq(tasks.statusId, from.id)))
    .returning({ id: tasks.id });
  const ids = moved.map((t) => t.id);
  await tx.insert(activity).values(
    ids.map((taskId) => ({
      taskId,
      projectId,
      actorId,
      type: "updated",
      field: "status",
      fromValue: from.id,
      toValue: to.id,
      createdAt: ctx.now,
    })),
  );
  for (const task of await loadTasks(tx, ids)) {
    await recordEvent(tx, {
      type: "task.updated",
      projectId,
      actorId,
      data: { task, changes: [{ field: "status", from: from.id, to: to.id }] },
    });
  }
}
