import { eq } from "drizzle-orm";
import { cycles } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor } from "../transaction";
import { getCycleForActorOrThrow, loadCycles } from "./internal";
import type { Cycle } from "./schemas";

export async function getCycle(args: { ctx: ServiceContext; cycleId: string }): Promise<Cycle> {
  const db = await dbFor(args.ctx);
  const { access } = await getCycleForActorOrThrow({ db, ctx: args.ctx, cycleId: args.cycleId, action: "project.read" });
  const [cycle] = await loadCycles(db, access.project, args.ctx.now, eq(cycles.id, args.cycleId));
  return cycle!;
}
