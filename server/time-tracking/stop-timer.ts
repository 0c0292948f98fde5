import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { NotFoundError } from "../errors";
import type { TimeEntry } from "./schemas";
import { announceStopped, lockTimerOwner, runningEntryOf, stopEntry } from "./timer";

/**
 * Stops the caller's running timer: 404 when none runs. Always allowed for one's own timer, even if
 * the task went to the trash or the project was archived meanwhile, so no timer runs forever.
 */
export async function stopTimer(args: { ctx: ServiceContext }): Promise<TimeEntry> {
  const userId = requireUserId(args.ctx);
  return withTransaction(args.ctx, async (tx) => {
    await lockTimerOwner(tx, userId);
    const running = await runningEntryOf(tx, userId);
    if (!running) throw new NotFoundError("Running timer");
    const stopped = await stopEntry(tx, running, args.ctx.now);
    await announceStopped(tx, stopped, userId);
    return stopped;
  });
}
