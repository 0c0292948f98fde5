import type { ServiceContext } from "../context";
import { getTask } from "../tasks/get";
import type { Task } from "../tasks/schemas";
import { updateTaskInScope } from "./update-scope";

/**
 * "Apply to future occurrences" in the task view: this occurrence's title, description, priority,
 * estimate, assignees and labels become the series' (what later occurrences copy) and are written to
 * the later occurrences not completed yet: PATCH ?scope=future with the task as it stands. `ifMatch`
 * is the version the person saw, so edits made meanwhile by someone else are not spread unseen (412).
 */
export async function applyToFutureOccurrences(args: { ctx: ServiceContext; ref: string; ifMatch?: number }): Promise<Task> {
  const task = await getTask({ ctx: args.ctx, ref: args.ref });
  return updateTaskInScope({
    ctx: args.ctx,
    ref: task.id,
    ifMatch: args.ifMatch,
    scope: "future",
    input: {
      title: task.title,
      description: task.description,
      priority: task.priority,
      estimate: task.estimate,
      assigneeIds: task.assignees.map((a) => a.id),
      labelIds: task.labels.map((l) => l.id),
    },
  });
}
