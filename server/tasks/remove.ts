import { and, eq, isNull } from "drizzle-orm";
import { tasks } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { NotFoundError, PreconditionFailedError } from "../errors";
import { recordEvent } from "../events/record";
import { getTaskForActorOrThrow, lockProject, type TaskRef } from "./internal";

/**
 * Moves the task to the project's trash (a soft delete): it leaves every read at once, keeps its
 * fields, links and position so a restore brings it back exactly, and is purged after 30 days.
 * The version does not change, so the version a client held restores it. `ifMatch`, when given,
 * must be the current version (else 412, nothing deleted). Returns the version deleted.
 */
export async function removeTask(args: { ctx: ServiceContext; ref: TaskRef | string; ifMatch?: number }): Promise<{ version: number }> {
  const actorId = requireUserId(args.ctx);
  return withTransaction(args.ctx, async (tx) => {
    const { project, task, key } = await getTaskForActorOrThrow({ db: tx, ctx: args.ctx, ref: args.ref, action: "project.write" });
    await lockProject(tx, project.id);
    const [deleted] = await tx
      .update(tasks)
      .set({ deletedAt: args.ctx.now, deletedBy: actorId })
      .where(and(eq(tasks.id, task.id), isNull(tasks.deletedAt), args.ifMatch !== undefined ? eq(tasks.version, args.ifMatch) : undefined))
      .returning({ id: tasks.id, version: tasks.version });
    if (!deleted) throw args.ifMatch !== undefined ? new PreconditionFailedError() : new NotFoundError("Task");
    await recordEvent(tx, { type: "task.deleted", projectId: project.id, actorId, data: { id: task.id, key } });
    return { version: deleted.version };
  });
}
