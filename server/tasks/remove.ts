import { and, eq } from "drizzle-orm";
import { tasks } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { NotFoundError, PreconditionFailedError } from "../errors";
import { recordEvent } from "../events/record";
import { getTaskForActorOrThrow, lockProject, type TaskRef } from "./internal";

/**
 * Deletes the task for good (comments, activity, links go with it; subtasks lose their parent).
 * `ifMatch`, when given, must be the current version (else 412, nothing deleted).
 */
export async function removeTask(args: { ctx: ServiceContext; ref: TaskRef | string; ifMatch?: number }): Promise<void> {
  const actorId = requireUserId(args.ctx);
  await withTransaction(args.ctx, async (tx) => {
    const { project, task, key } = await getTaskForActorOrThrow({ db: tx, ctx: args.ctx, ref: args.ref, action: "project.write" });
    await lockProject(tx, project.id);
    const [deleted] = await tx
      .delete(tasks)
      .where(and(eq(tasks.id, task.id), args.ifMatch !== undefined ? eq(tasks.version, args.ifMatch) : undefined))
      .returning({ id: tasks.id });
    if (!deleted) throw args.ifMatch !== undefined ? new PreconditionFailedError() : new NotFoundError("Task");
    await recordEvent(tx, { type: "task.deleted", projectId: project.id, actorId, data: { id: task.id, key } });
  });
}
