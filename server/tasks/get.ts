import type { ServiceContext } from "../context";
import { dbFor } from "../transaction";
import { getTaskForActorOrThrow, type TaskRef } from "./internal";
import { loadTasks } from "./load";
import type { Task } from "./schemas";

export async function getTask(args: { ctx: ServiceContext; ref: TaskRef | string }): Promise<Task> {
  const db = await dbFor(args.ctx);
  const { task } = await getTaskForActorOrThrow({ db, ctx: args.ctx, ref: args.ref, action: "project.read" });
  return (await loadTasks(db, [task.id]))[0]!;
}
