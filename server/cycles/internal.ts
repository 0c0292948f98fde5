import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { cycles } from "@/db/schema";
import type { ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { getProjectForActorOrThrow, type ProjectAccess, type ProjectRow } from "../projects/internal";
import type { ProjectAction } from "../auth/policy";
import { dayIn } from "./dates";
import type { Cycle, CycleSettings } from "./schemas";

export type CycleRow = typeof cycles.$inferSelect;

export const DEFAULT_SETTINGS: CycleSettings = { enabled: false, lengthWeeks: 2, startDay: "monday", carryOver: true };

/** The project's settings, defaults filled in (cycles made by hand carry over too unless turned off). */
export function cycleSettingsOf(project: Pick<ProjectRow, "cycleSettings">): CycleSettings {
  return { ...DEFAULT_SETTINGS, ...(project.cycleSettings as Partial<CycleSettings> | null) };
}

export function cycleState(c: Pick<CycleRow, "startDate" | "endDate" | "completedAt">, today: string): Cycle["state"] {
  if (c.completedAt) return "completed";
  if (today < c.startDate) return "upcoming";
  return today <= c.endDate ? "active" : "ended";
}

/** Cycles with their live task counts (deleted tasks left out), oldest start first. */
export async function loadCycles(
  db: Database,
  project: Pick<ProjectRow, "timezone">,
  now: Date,
  where: SQL | undefined,
  limit?: number,
): Promise<Cycle[]> {
  const rows = await db
    .select({
      cycle: cycles,
      // Spelled out: drizzle drops table names from columns of a single-table select, which makes them ambiguous here.
      taskCount: sql<number>`(select count(*)::int from tasks tk where tk.cycle_id = "cycles"."id" and tk.deleted_at is null)`,
      completedTaskCount: sql<number>`(select count(*)::int from tasks tk join statuses s on s.id = tk.status_id
        where tk.cycle_id = "cycles"."id" and tk.deleted_at is null and s.category = 'completed')`,
    })
    .from(cycles)
    .where(where)
    .orderBy(cycles.startDate, cycles.id)
    .limit(limit ?? 10_000);
  const today = dayIn(project.timezone, now);
  return rows.map((r) => toCycle(r.cycle, today, Number(r.taskCount), Number(r.completedTaskCount)));
}

export function toCycle(c: CycleRow, today: string, taskCount: number, completedTaskCount: number): Cycle {
  return {
    id: c.id,
    projectId: c.projectId,
    number: c.number,
    name: c.name,
    startDate: c.startDate,
    endDate: c.endDate,
    state: cycleState(c, today),
    automatic: c.automatic,
    taskCount,
    completedTaskCount,
    completedAt: c.completedAt?.toISOString() ?? null,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** The cycle with the caller's access to its project: 404 when either is invisible, 403/409 as the project's check. */
export async function getCycleForActorOrThrow(args: {
  db: Database;
  ctx: ServiceContext;
  cycleId: string;
  action: ProjectAction;
  lock?: boolean;
}): Promise<{ cycle: CycleRow; access: ProjectAccess }> {
  const query = args.db.select().from(cycles).where(eq(cycles.id, args.cycleId));
  const [found] = await query;
  if (!found) throw new NotFoundError("Cycle");
  const access = await getProjectForActorOrThrow({ db: args.db, ctx: args.ctx, projectId: found.projectId, action: args.action });
  if (!args.lock) return { cycle: found, access };
  await lockCycles(args.db, found.projectId);
  const [cycle] = await args.db
    .select()
    .from(cycles)
    .where(and(eq(cycles.id, args.cycleId), eq(cycles.projectId, found.projectId)));
  if (!cycle) throw new NotFoundError("Cycle");
  return { cycle, access };
}

/**
 * Serialises every write to a project's cycles (create, date change, planning, completion) on the
 * project's row: NO KEY UPDATE, so task inserts (which take KEY SHARE through their foreign key) go on.
 */
export async function lockCycles(db: Database, projectId: string): Promise<void> {
  await db.execute(sql`select 1 from projects where id = ${projectId}::uuid for no key update`);
}
