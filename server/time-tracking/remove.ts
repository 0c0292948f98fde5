import { and, eq } from "drizzle-orm";
import { timeEntries } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { PreconditionFailedError } from "../errors";
import { recordEvent } from "../events/record";
import { getEntryForChangeOrThrow, recordTimeActivity, toTimeEntry } from "./internal";

/** Deletes an entry (its author or a project admin); deleting a running timer discards it. */
export async function removeTimeEntry(args: { ctx: ServiceContext; entryId: string; ifMatch?: number }): Promise<void> {
  const userId = requireUserId(args.ctx);
  await withTransaction(args.ctx, async (tx) => {
    const { entry } = await getEntryForChangeOrThrow({ db: tx, ctx: args.ctx, entryId: args.entryId });
    if (args.ifMatch !== undefined && args.ifMatch !== entry.version) throw new PreconditionFailedError();
    const { task } = await toTimeEntry(tx, entry);
    await tx.delete(timeEntries).where(and(eq(timeEntries.id, entry.id), eq(timeEntries.version, entry.version)));
    if (entry.seconds !== null)
      await recordTimeActivity(tx, { entry, actorId: userId, at: args.ctx.now, type: "time_removed", from: entry.seconds, to: null });
    await recordEvent(tx, {
      type: "time_entry.deleted",
      projectId: entry.projectId,
      actorId: userId,
      data: { id: entry.id, userId: entry.userId, task },
    });
  });
}
