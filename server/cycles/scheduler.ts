import { and, eq, isNull, sql } from "drizzle-orm";
import { database } from "@/db/client";
import { settings } from "@/config/settings";
import { cycles, projects } from "@/db/schema";
import { createContext } from "../context";
import { withTransaction } from "../transaction";
import { startLoop, type WorkLoop } from "../jobs/loop";
import { closeCycle } from "./complete";
import { planProjectCycles } from "./plan";

const BATCH = 100;

/**
 * One pass of the cycle scheduler: for projects with cycles on that lack the current cycle or one of
 * the next two, creates them; then closes every cycle whose last day is over (carry-over included).
 * Each project and cycle is its own transaction under the project's lock, re-checked there, so
 * several workers running at once create and close each cycle exactly once. Returns what it did.
 */
export async function runCycleScheduler(now = new Date()): Promise<{ created: number; completed: number }> {
  const db = await database();
  const ctx = createContext({ kind: "system" }, { now });
  const today = sql`(${now.toISOString()}::timestamptz at time zone ${projects.timezone})::date`;
  const needPlanning = await db
    .select({ id: projects.id })
    .from(projects)
    .where(
      and(
        isNull(projects.archivedAt),
        sql`${projects.cycleSettings} ->> 'enabled' = 'true'`,
        sql`(select count(*) from ${cycles} c where c.project_id = ${projects.id} and c.end_date >= ${today}) < 3`,
      ),
    )
    .limit(BATCH);
  let created = 0;
  for (const { id } of needPlanning) {
    created += await withTransaction(ctx, async (tx) => {
      const [project] = await tx.select().from(projects).where(eq(projects.id, id));
      return project ? planProjectCycles(tx, project, now, null) : 0;
    });
  }
  const ended = await db
    .select({ id: cycles.id })
    .from(cycles)
    .innerJoin(projects, eq(projects.id, cycles.projectId))
    .where(and(isNull(cycles.completedAt), isNull(projects.archivedAt), sql`${cycles.endDate} < ${today}`))
    .orderBy(cycles.endDate)
    .limit(BATCH);
  let completed = 0;
  for (const { id } of ended) {
    if (await withTransaction(ctx, (tx) => closeCycle(tx, id, now, null))) completed++;
  }
  return { created, completed };
}

export function startCycleScheduler(): WorkLoop {
  return startLoop("cycles", settings().DUE_SOON_INTERVAL_MS, async () => {
    const done = await runCycleScheduler();
    return done.created + done.completed >= BATCH;
  });
}
