import { eq, sql } from "drizzle-orm";
import { projects, taskAssignees, taskLabels, tasks } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { ConflictError } from "../errors";
import { recordEvent } from "../events/record";
import { getProjectForActorOrThrow } from "../projects/internal";
import { recordActivity } from "./audit";
import { CreateTaskInput } from "./schemas";
import { loadTasks } from "./load";
import { endOfColumn } from "./position";
import { priorityRank, type Task } from "./schemas";
import { checkAssignees, checkDates, checkLabels, checkParent, checkStatus, defaultStatus } from "./validate";

export async function createTask(args: { ctx: ServiceContext; projectId: string; input: CreateTaskInput }): Promise<Task> {
  const input = CreateTaskInput.parse(args.input);
  const actorId = requireUserId(args.ctx);
  return withTransaction(args.ctx, async (tx) => {
    const { project } = await getProjectForActorOrThrow({ db: tx, ctx: args.ctx, projectId: args.projectId, action: "project.write" });
    const status = input.statusId ? await checkStatus(tx, project.id, input.statusId) : await defaultStatus(tx, project.id);
    await checkLabels(tx, project.id, input.labelIds ?? []);
    await checkAssignees(tx, project, input.assigneeIds ?? []);
    if (input.parentId) await checkParent(tx, project.id, null, input.parentId);
    checkDates(input.startDate ?? null, input.dueDate ?? null);

    // The row lock serialises creators until commit, so numbers are unique and a rollback gives
    // the number back (gapless); the column's end is read under the same lock.
    const [counter] = await tx
      .update(projects)
      .set({ nextTaskNumber: sql`${projects.nextTaskNumber} + 1` })
      .where(eq(projects.id, project.id))
      .returning({ number: sql<number>`${projects.nextTaskNumber} - 1`, archivedAt: projects.archivedAt });
    if (counter!.archivedAt) throw new ConflictError("The project is archived; restore it before changing it");
    const position = await endOfColumn(tx, project.id, status.id);
    const closed = status.category === "completed" || status.category === "canceled";
    const [row] = await tx
      .insert(tasks)
      .values({
        projectId: project.id,
        number: Number(counter!.number),
        title: input.title,
        description: input.description ?? "",
        statusId: status.id,
        priority: priorityRank[input.priority ?? "none"],
        reporterId: actorId,
        dueDate: input.dueDate ?? null,
        startDate: input.startDate ?? null,
        estimate: input.estimate ?? null,
        parentId: input.parentId ?? null,
        position,
        createdAt: args.ctx.now,
        updatedAt: args.ctx.now,
        completedAt: closed ? args.ctx.now : null,
      })
      .returning({ id: tasks.id });
    const taskId = row!.id;
    if (input.assigneeIds?.length) await tx.insert(taskAssignees).values(input.assigneeIds.map((userId) => ({ taskId, userId })));
    if (input.labelIds?.length) await tx.insert(taskLabels).values(input.labelIds.map((labelId) => ({ taskId, labelId })));

    await recordActivity(tx, {
      taskId,
      projectId: project.id,
      actorId,
      at: args.ctx.now,
      type: "created",
      changes: [{ field: "status", from: null, to: status.id }],
    });
    const [task] = await loadTasks(tx, [taskId]);
    await recordEvent(tx, { type: "task.created", projectId: project.id, actorId, data: task! });
    return task!;
  });
}
