import type { ServiceContext } from "../context";
import { dbFor, requireUserId } from "../transaction";
import { toTimeEntry } from "./internal";
import type { TimerState } from "./schemas";
import { runningEntryOf } from "./timer";

/** The caller's running timer, if any (the top bar shows it). */
export async function getTimer(args: { ctx: ServiceContext }): Promise<TimerState> {
  const userId = requireUserId(args.ctx);
  const db = await dbFor(args.ctx);
  const running = await runningEntryOf(db, userId);
  return { running: running ? await toTimeEntry(db, running) : null };
}
