import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { cycles, projects } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { ConflictError } from "../errors";
import { recordEvent } from "../events/record";
import { dayIn } from "./dates";
import { cycleSettingsOf, getCycleForActorOrThrow, loadCycles, lockCycles } from "./internal";
import { moveCycleTasks } from "./move-tasks";
import { computeCycleReport } from "./report";
import type { Cycle } from "./schemas";

/**
 * Closes a cycle in the caller's transaction: freezes its report, moves its unfinished tasks to the
 * next open cycle (unless the project turned carry-over off; activity type "carried_over"), stamps
 * completedAt and records cycle.completed. Under the project's lock and conditional on the cycle
 * still being open, so of two workers only one closes it; the other gets null.
 */
export async function closeCycle(tx: Database, cycleId: string, now: Date, actorId: string | null): Promise<Cycle | null> {
  const [found] = await tx.select({ projectId: cycles.projectId }).from(cycles).where(eq(cycles.id, cycleId));
  if (!found) return null;
  await lockCycles(tx, found.projectId);
  const [cycle] = await tx
    .select()
    .from(cycles)
    .where(and(eq(cycles.id, cycleId), isNull(cycles.completedAt)));
  const [project] = await tx.select().from(projects).where(eq(projects.id, found.projectId));
  if (!cycle || !project) return null;
  const today = dayIn(project.timezone, now);
  // Closed early by hand: it ends today, so its report and "next cycle" follow.
  const endDate = cycle.endDate > today ? today : cycle.endDate;
  const ended = { ...cycle, endDate };
  const report = await computeCycleReport(tx, ended, project.timezone, now);
  const [next] = cycleSettingsOf(project).carryOver
    ? await tx
        .select({ id: cycles.id })
        .from(cycles)
        .where(and(eq(cycles.projectId, project.id), gt(cycles.startDate, endDate), isNull(cycles.completedAt)))
        .orderBy(asc(cycles.startDate))
        .limit(1)
    : [];
  const carried = next
    ? await moveCycleTasks(tx, {
        projectId: project.id,
        from: cycle.id,
        to: next.id,
        onlyOpen: true,
        actorId,
        at: now,
        type: "carried_over",
      })
    : 0;
  await tx
    .update(cycles)
    .set({ endDate, completedAt: now, report: { ...report, frozen: true }, version: sql`${cycles.version} + 1`, updatedAt: now })
    .where(eq(cycles.id, cycle.id));
  const [done] = await loadCycles(tx, project, now, eq(cycles.id, cycle.id));
  await recordEvent(tx, {
    type: "cycle.completed",
    projectId: project.id,
    actorId,
    data: { ...done!, carriedOver: carried, nextCycleId: next?.id ?? null },
  });
  return done!;
}

/** POST /cycles/{id}/complete: a member ends a running cycle early (today becomes its last day). */
export async function completeCycle(args: { ctx: ServiceContext; cycleId: string }): Promise<Cycle> {
  const actorId = requireUserId(args.ctx);
  return withTransaction(args.ctx, async (tx) => {
    const { cycle, access } = await getCycleForActorOrThrow({ db: tx, ctx: args.ctx, cycleId: args.cycleId, action: "project.write" });
    if (cycle.completedAt) throw new ConflictError("The cycle is already completed");
    if (cycle.startDate > dayIn(access.project.timezone, args.ctx.now))
      throw new ConflictError("The cycle has not started yet; delete it or change its dates instead");
    const done = await closeCycle(tx, cycle.id, args.ctx.now, actorId);
    if (!done) throw new ConflictError("The cycle is already completed");
    return done;
  });
}
