import { timeEntries } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { recordEvent } from "../events/record";
import { safeTimezone, todayIn } from "../analytics/range";
import { getTaskForActorOrThrow, type TaskRef } from "../tasks/internal";
import { recordTimeActivity, toTimeEntry } from "./internal";
import { CreateTimeEntryInput, type TimeEntry } from "./schemas";

/** Logs time by hand on a task (project members; the entry is the caller's). */
export async function createTimeEntry(args: {
  ctx: ServiceContext;
  ref: TaskRef | string;
  input: CreateTimeEntryInput;
}): Promise<TimeEntry> {
  const input = CreateTimeEntryInput.parse(args.input);
  const userId = requireUserId(args.ctx);
  return withTransaction(args.ctx, async (tx) => {
    const { project, task, key } = await getTaskForActorOrThrow({ db: tx, ctx: args.ctx, ref: args.ref, action: "project.write" });
    const [row] = await tx
      .insert(timeEntries)
      .values({
        taskId: task.id,
        projectId: project.id,
        userId,
        spentOn: input.date ?? todayIn(safeTimezone(project.timezone), args.ctx.now),
        seconds: input.durationSeconds,
        note: input.note ?? "",
        createdAt: args.ctx.now,
        updatedAt: args.ctx.now,
      })
      .returning();
    await recordTimeActivity(tx, { entry: row!, actorId: userId, at: args.ctx.now, type: "time_logged", from: null, to: row!.seconds });
    const entry = await toTimeEntry(tx, row!);
    await recordEvent(tx, {
      type: "time_entry.created",
      projectId: project.id,
      actorId: userId,
      data: { entry, task: { id: task.id, key, title: task.title } },
      refuseArchived: true,
    });
    return entry;
  });
}
