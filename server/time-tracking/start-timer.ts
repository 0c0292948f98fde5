import { timeEntries } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { recordEvent } from "../events/record";
import { safeTimezone, todayIn } from "../analytics/range";
import { getTaskForActorOrThrow, type TaskRef } from "../tasks/internal";
import { toTimeEntry } from "./internal";
import type { StartedTimer } from "./schemas";
import { announceStopped, lockTimerOwner, runningEntryOf, stopEntry } from "./timer";

/**
 * Starts the caller's timer on a task. One timer runs per person: a timer running elsewhere is
 * stopped in the same transaction (the database's partial unique index holds the rule). Starting the
 * timer that already runs on this task changes nothing (`created: false`).
 */
export async function startTimer(args: { ctx: ServiceContext; ref: TaskRef | string }): Promise<StartedTimer & { created: boolean }> {
  const userId = requireUserId(args.ctx);
  return withTransaction(args.ctx, async (tx) => {
    const { project, task, key } = await getTaskForActorOrThrow({ db: tx, ctx: args.ctx, ref: args.ref, action: "project.write" });
    await lockTimerOwner(tx, userId);
    const running = await runningEntryOf(tx, userId);
    if (running?.taskId === task.id) return { running: await toTimeEntry(tx, running), stopped: null, created: false };
    const stopped = running ? await stopEntry(tx, running, args.ctx.now) : null;
    const [row] = await tx
      .insert(timeEntries)
      .values({
        taskId: task.id,
        projectId: project.id,
        userId,
        spentOn: todayIn(safeTimezone(project.timezone), args.ctx.now),
        startedAt: args.ctx.now,
        createdAt: args.ctx.now,
        updatedAt: args.ctx.now,
      })
      .returning();
    const entry = await toTimeEntry(tx, row!);
    // Events last, in project id order (the stop first within one project), so two transactions never take two projects' locks crosswise.
    const created = async () =>
      recordEvent(tx, {
        type: "time_entry.created",
        projectId: project.id,
        actorId: userId,
        data: { entry, task: { id: task.id, key, title: task.title } },
        refuseArchived: true,
      });
    if (stopped && stopped.projectId <= project.id) await announceStopped(tx, stopped, userId);
    await created();
    if (stopped && stopped.projectId > project.id) await announceStopped(tx, stopped, userId);
    return { running: entry, stopped, created: true };
  });
}
