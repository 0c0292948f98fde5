import { and, eq, sql } from "drizzle-orm";
import { timeEntries } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { ConflictError, PreconditionFailedError } from "../errors";
import { recordEvent } from "../events/record";
import { getEntryForChangeOrThrow, recordTimeActivity, toTimeEntry } from "./internal";
import { UpdateTimeEntryInput, type TimeEntry } from "./schemas";

/** Edits an entry's duration, day or note (its author or a project admin); `ifMatch` guards the version read. */
export async function updateTimeEntry(args: {
  ctx: ServiceContext;
  entryId: string;
  input: UpdateTimeEntryInput;
  ifMatch?: number;
}): Promise<TimeEntry> {
  const input = UpdateTimeEntryInput.parse(args.input);
  const userId = requireUserId(args.ctx);
  return withTransaction(args.ctx, async (tx) => {
    const { entry } = await getEntryForChangeOrThrow({ db: tx, ctx: args.ctx, entryId: args.entryId });
    const expected = args.ifMatch ?? entry.version;
    if (expected !== entry.version) throw new PreconditionFailedError();
    if (input.durationSeconds !== undefined && entry.seconds === null)
      throw new ConflictError("The timer is still running; stop it before changing its duration");
    const [row] = await tx
      .update(timeEntries)
      .set({
        ...(input.durationSeconds !== undefined ? { seconds: input.durationSeconds } : {}),
        ...(input.date !== undefined ? { spentOn: input.date } : {}),
        ...(input.note !== undefined ? { note: input.note } : {}),
        version: sql`${timeEntries.version} + 1`,
        updatedAt: args.ctx.now,
      })
      .where(and(eq(timeEntries.id, entry.id), eq(timeEntries.version, expected)))
      .returning();
    if (!row) throw new PreconditionFailedError();
    if (row.seconds !== entry.seconds)
      await recordTimeActivity(tx, {
        entry: row,
        actorId: userId,
        at: args.ctx.now,
        type: "time_changed",
        from: entry.seconds,
        to: row.seconds,
      });
    const updated = await toTimeEntry(tx, row);
    await recordEvent(tx, {
      type: "time_entry.updated",
      projectId: row.projectId,
      actorId: userId,
      data: { entry: updated, task: updated.task },
    });
    return updated;
  });
}
