import { eq, sql } from "drizzle-orm";
import { cycles } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { recordEvent } from "../events/record";
import { getProjectForActorOrThrow } from "../projects/internal";
import { lockCycles, loadCycles } from "./internal";
import { checkCycleDates } from "./overlap";
import { CreateCycleInput, type Cycle } from "./schemas";

/** A cycle by hand: project members (viewers may not); dates may not overlap another cycle (422). */
export async function createCycle(args: { ctx: ServiceContext; projectId: string; input: CreateCycleInput }): Promise<Cycle> {
  const input = CreateCycleInput.parse(args.input);
  const actorId = requireUserId(args.ctx);
  return withTransaction(args.ctx, async (tx) => {
    const { project } = await getProjectForActorOrThrow({ db: tx, ctx: args.ctx, projectId: args.projectId, action: "project.write" });
    await lockCycles(tx, project.id);
    await checkCycleDates(tx, project.id, input);
    const id = await insertCycle(tx, project.id, { ...input, automatic: false, createdBy: actorId, at: args.ctx.now });
    const [cycle] = await loadCycles(tx, project, args.ctx.now, eq(cycles.id, id));
    await recordEvent(tx, { type: "cycle.created", projectId: project.id, actorId, data: cycle!, refuseArchived: true });
    return cycle!;
  });
}

/** The next number of the project (under lockCycles), and the row; returns its id. */
export async function insertCycle(
  tx: Parameters<typeof lockCycles>[0],
  projectId: string,
  c: { name?: string; startDate: string; endDate: string; automatic: boolean; createdBy: string | null; at: Date },
): Promise<string> {
  const [next] = await tx
    .select({ n: sql<number>`coalesce(max(${cycles.number}), 0)::int + 1` })
    .from(cycles)
    .where(eq(cycles.projectId, projectId));
  const number = Number(next!.n);
  const [row] = await tx
    .insert(cycles)
    .values({
      projectId,
      number,
      name: c.name ?? `Cycle ${number}`,
      startDate: c.startDate,
      endDate: c.endDate,
      automatic: c.automatic,
      createdBy: c.createdBy,
      createdAt: c.at,
      updatedAt: c.at,
    })
    .returning({ id: cycles.id });
  return row!.id;
}
