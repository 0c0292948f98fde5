import { and, eq, isNotNull } from "drizzle-orm";
import { tasks } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { ConflictError, ForbiddenError, PreconditionFailedError } from "../errors";
import { can } from "../auth/policy";
import { recordEvent } from "../events/record";
import { getTaskForActorOrThrow, lockProject, type TaskRef } from "./internal";
import { loadTasks } from "./load";
import type { Task } from "./schemas";

/**
 * Brings a task back from the trash exactly as it was (status, position, fields, links). Allowed to
 * project admins and to the member who deleted it (so their "Undo" works); 404 for an unknown task,
 * 409 when it is not deleted, 412 for a stale `ifMatch`.
 */
export async function restoreTask(args: { ctx: ServiceContext; ref: TaskRef | string; ifMatch?: number }): Promise<Task> {
  const actorId = requireUserId(args.ctx);
  return withTransaction(args.ctx, async (tx) => {
    const { project, task, resource } = await getTaskForActorOrThrow({
      db: tx,
      ctx: args.ctx,
      ref: args.ref,
      action: "project.write",
      includeDeleted: true,
    });
    if (!task.deletedAt) throw new ConflictError("The task is not deleted");
    if (!can("project.admin", resource) && task.deletedBy !== actorId) throw new ForbiddenError();
    if (args.ifMatch !== undefined && args.ifMatch !== task.version) throw new PreconditionFailedError();
    await lockProject(tx, project.id);
    const [restored] = await tx
      .update(tasks)
      .set({ deletedAt: null, deletedBy: null })
      .where(and(eq(tasks.id, task.id), isNotNull(tasks.deletedAt)))
      .returning({ id: tasks.id });
    if (!restored) throw new ConflictError("The task is not deleted");
    const [loaded] = await loadTasks(tx, [task.id]);
    await recordEvent(tx, { type: "task.restored", projectId: project.id, actorId, data: loaded! });
    return loaded!;
  });
}
