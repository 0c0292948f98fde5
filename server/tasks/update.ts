import { and, eq, sql } from "drizzle-orm";
import { taskAssignees, taskLabels, tasks } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { PreconditionFailedError } from "../errors";
import { recordEvent } from "../events/record";
import { recordActivity } from "./audit";
import { planChanges } from "./diff";
import { UpdateTaskInput } from "./schemas";
import { getTaskForActorOrThrow, type TaskRef } from "./internal";
import { loadTasks } from "./load";
import type { Task } from "./schemas";
import { checkAssignees, checkLabels, checkParent } from "./validate";
import { diffFieldValues, loadFieldValues, writeFieldValues } from "../custom-fields/task-values";
import { activityOf, checkTaskFieldValues, eventChangesOf } from "./custom-field-values";

/**
 * Applies the fields that differ from the stored task. `ifMatch` (the version the client read) makes
 * the update conditional: a stale version → 412 with nothing changed. Without it the version still
 * rises atomically. An update that changes nothing returns the task as it is.
 */
export async function updateTask(args: {
  ctx: ServiceContext;
  ref: TaskRef | string;
  input: UpdateTaskInput;
  ifMatch?: number;
}): Promise<Task> {
  const input = UpdateTaskInput.parse(args.input);
  const actorId = requireUserId(args.ctx);
  return withTransaction(args.ctx, async (tx) => {
    const { project, task } = await getTaskForActorOrThrow({ db: tx, ctx: args.ctx, ref: args.ref, action: "project.write" });
    // Writers of this task queue here (the version is read under the lock); the project's row lock
    // comes last, in recordEvent, so writes to other tasks of the project run side by side.
    const [current] = await tx.select().from(tasks).where(eq(tasks.id, task.id)).for("no key update");
    if (!current) throw new PreconditionFailedError("The task was deleted meanwhile");
    if (args.ifMatch !== undefined && args.ifMatch !== current.version) throw new PreconditionFailedError();

    if (input.labelIds) await checkLabels(tx, project.id, input.labelIds);
    if (input.assigneeIds) await checkAssignees(tx, project, input.assigneeIds);
    if (input.parentId) await checkParent(tx, project.id, current.id, input.parentId);
    const plan = await planChanges(tx, current, input, args.ctx.now);
    const checked = input.customFields ? await checkTaskFieldValues(tx, project, input.customFields, { creating: false }) : null;
    const valueChanges = checked ? diffFieldValues(checked, (await loadFieldValues(tx, [current.id])).get(current.id) ?? {}) : [];
    if (plan.changes.length === 0 && valueChanges.length === 0) return (await loadTasks(tx, [current.id]))[0]!;

    // Conditional on the version read above: the write and the check are one statement.
    const [updated] = await tx
      .update(tasks)
      .set({ ...plan.set, version: sql`${tasks.version} + 1`, updatedAt: args.ctx.now })
      .where(and(eq(tasks.id, current.id), eq(tasks.version, current.version)))
      .returning({ id: tasks.id });
    if (!updated) throw new PreconditionFailedError();
    if (plan.assigneeIds) {
      await tx.delete(taskAssignees).where(eq(taskAssignees.taskId, current.id));
      if (plan.assigneeIds.length)
        await tx.insert(taskAssignees).values(plan.assigneeIds.map((userId) => ({ taskId: current.id, userId })));
    }
    if (plan.labelIds) {
      await tx.delete(taskLabels).where(eq(taskLabels.taskId, current.id));
      if (plan.labelIds.length) await tx.insert(taskLabels).values(plan.labelIds.map((labelId) => ({ taskId: current.id, labelId })));
    }
    if (checked) await writeFieldValues(tx, current.id, checked, valueChanges);

    await recordActivity(tx, {
      taskId: current.id,
      projectId: project.id,
      actorId,
      at: args.ctx.now,
      type: "updated",
      changes: [...plan.changes, ...activityOf(valueChanges)],
    });
    const [loaded] = await loadTasks(tx, [current.id]);
    await recordEvent(tx, {
      type: "task.updated",
      projectId: project.id,
      actorId,
      data: { task: loaded!, changes: [...plan.changes, ...eventChangesOf(valueChanges)] },
      refuseArchived: true,
    });
    return loaded!;
  });
}
