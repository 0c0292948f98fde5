import { eq } from "drizzle-orm";
import { cycles } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { PreconditionFailedError } from "../errors";
import { recordEvent } from "../events/record";
import { getCycleForActorOrThrow } from "./internal";
import { moveCycleTasks } from "./move-tasks";

/** Deletes a cycle (members); its tasks stay, in no cycle, each with an activity row and a task.updated event. */
export async function removeCycle(args: { ctx: ServiceContext; cycleId: string; ifMatch?: number }): Promise<void> {
  const actorId = requireUserId(args.ctx);
  await withTransaction(args.ctx, async (tx) => {
    const { cycle } = await getCycleForActorOrThrow({ db: tx, ctx: args.ctx, cycleId: args.cycleId, action: "project.write", lock: true });
    if (args.ifMatch !== undefined && args.ifMatch !== cycle.version) throw new PreconditionFailedError();
    await moveCycleTasks(tx, {
      projectId: cycle.projectId,
      from: cycle.id,
      to: null,
      onlyOpen: false,
      actorId,
      at: args.ctx.now,
      type: "updated",
    });
    await tx.delete(cycles).where(eq(cycles.id, cycle.id));
    await recordEvent(tx, {
      type: "cycle.deleted",
      projectId: cycle.projectId,
      actorId,
      data: { id: cycle.id, name: cycle.name },
      refuseArchived: true,
    });
  });
}
