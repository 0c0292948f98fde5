import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { cycles } from "@/db/schema";
import { recordEvent } from "../events/record";
import type { ProjectRow } from "../projects/internal";
import { cyclesToAdd, dayIn } from "./dates";
import { cycleSettingsOf, loadCycles, lockCycles } from "./internal";
import { insertCycle } from "./create";

/**
 * Creates what is missing of "the current cycle and the next two" for a project with cycles turned
 * on, in the caller's transaction. Under the project's lock and re-read there, so two workers (or
 * a worker and a settings change) running it at once create each cycle once. Returns how many.
 */
export async function planProjectCycles(tx: Database, project: ProjectRow, now: Date, actorId: string | null): Promise<number> {
  const settings = cycleSettingsOf(project);
  if (!settings.enabled || project.archivedAt) return 0;
  await lockCycles(tx, project.id);
  const existing = await tx
    .select({ startDate: cycles.startDate, endDate: cycles.endDate })
    .from(cycles)
    .where(eq(cycles.projectId, project.id));
  const spans = cyclesToAdd(existing, dayIn(project.timezone, now), settings);
  for (const span of spans) {
    const id = await insertCycle(tx, project.id, { ...span, automatic: true, createdBy: actorId, at: now });
    const [cycle] = await loadCycles(tx, project, now, eq(cycles.id, id));
    await recordEvent(tx, { type: "cycle.created", projectId: project.id, actorId, data: cycle! });
  }
  return spans.length;
}
