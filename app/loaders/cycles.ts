import { notFound } from "next/navigation";
import type { ServiceContext } from "@/server/context";
import { NotFoundError } from "@/server/errors";
import { getCycle, getCycleReport, listCycles, type Cycle, type CycleReport } from "@/server/cycles";
import type { ProjectWithPermissions } from "@/server/projects";

/** Every cycle of the project, earliest first (a project holds a few a month). */
export async function loadCycles(ctx: ServiceContext, project: ProjectWithPermissions, state?: "open"): Promise<Cycle[]> {
  const out: Cycle[] = [];
  let cursor: string | undefined;
  do {
    const page = await listCycles({ ctx, projectId: project.id, query: { state, limit: 100, cursor } });
    out.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.length < 1000);
  return out;
}

/** One cycle of the project and its report; 404 when it is not this project's. */
export async function loadCycleReport(
  ctx: ServiceContext,
  project: ProjectWithPermissions,
  cycleId: string,
): Promise<{ cycle: Cycle; report: CycleReport }> {
  if (!/^[0-9a-f-]{36}$/i.test(cycleId)) notFound();
  try {
    const cycle = await getCycle({ ctx, cycleId });
    if (cycle.projectId !== project.id) notFound();
    return { cycle, report: await getCycleReport({ ctx, cycleId }) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
