import { and, eq, sql } from "drizzle-orm";
import { cycles } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { ConflictError, PreconditionFailedError } from "../errors";
import { recordEvent } from "../events/record";
import type { cycleFields } from "../events/catalog";
import { getCycleForActorOrThrow, loadCycles } from "./internal";
import { checkCycleDates } from "./overlap";
import { UpdateCycleInput, type Cycle } from "./schemas";

type CycleField = (typeof cycleFields)[number];

/** Rename or move a cycle (members); If-Match guards the version; new dates may not overlap (422). */
export async function updateCycle(args: {
  ctx: ServiceContext;
  cycleId: string;
  input: UpdateCycleInput;
  ifMatch?: number;
}): Promise<Cycle> {
  const input = UpdateCycleInput.parse(args.input);
  const actorId = requireUserId(args.ctx);
  return withTransaction(args.ctx, async (tx) => {
    const { cycle, access } = await getCycleForActorOrThrow({
      db: tx,
      ctx: args.ctx,
      cycleId: args.cycleId,
      action: "project.write",
      lock: true,
    });
    if (args.ifMatch !== undefined && args.ifMatch !== cycle.version) throw new PreconditionFailedError();
    const changes = Object.fromEntries(
      Object.entries(input).filter(([k, v]) => v !== undefined && cycle[k as CycleField] !== v),
    ) as Partial<Record<CycleField, string>>;
    const changed = Object.keys(changes) as CycleField[];
    if (changed.length === 0) return (await loadCycles(tx, access.project, args.ctx.now, eq(cycles.id, cycle.id)))[0]!;
    if (cycle.completedAt && (changes.startDate || changes.endDate))
      throw new ConflictError("A completed cycle keeps its dates; only its name may change");
    if (changes.startDate || changes.endDate)
      await checkCycleDates(
        tx,
        cycle.projectId,
        { startDate: changes.startDate ?? cycle.startDate, endDate: changes.endDate ?? cycle.endDate },
        cycle.id,
      );
    const [row] = await tx
      .update(cycles)
      .set({ ...changes, version: sql`${cycles.version} + 1`, updatedAt: args.ctx.now })
      .where(and(eq(cycles.id, cycle.id), eq(cycles.version, cycle.version)))
      .returning({ id: cycles.id });
    if (!row) throw new PreconditionFailedError();
    const [updated] = await loadCycles(tx, access.project, args.ctx.now, eq(cycles.id, cycle.id));
    await recordEvent(tx, {
      type: "cycle.updated",
      projectId: cycle.projectId,
      actorId,
      data: { ...updated!, changed },
      refuseArchived: true,
    });
    return updated!;
  });
}
