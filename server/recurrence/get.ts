import type { ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { dbFor } from "../transaction";
import { getTaskForActorOrThrow, type TaskRef } from "../tasks/internal";
import { taskSeries } from "@/db/schema";
import { eq } from "drizzle-orm";
import { toRecurrence } from "./internal";
import type { Recurrence } from "./schemas";

/** The series a task belongs to, with its next dates; 404 when the task does not repeat. */
export async function getRecurrence(args: { ctx: ServiceContext; ref: TaskRef | string }): Promise<Recurrence> {
  const db = await dbFor(args.ctx);
  const { task } = await getTaskForActorOrThrow({ db, ctx: args.ctx, ref: args.ref, action: "project.read" });
  if (!task.seriesId) throw new NotFoundError("Recurrence");
  const [series] = await db.select().from(taskSeries).where(eq(taskSeries.id, task.seriesId)).limit(1);
  if (!series) throw new NotFoundError("Recurrence");
  return toRecurrence(series, task);
}
