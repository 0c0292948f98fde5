import type { Database } from "@/db/client";
import type { ServiceContext } from "../context";
import { dbFor } from "../transaction";
import { daysBetween, dayIn } from "./dates";
import { getCycleForActorOrThrow, type CycleRow } from "./internal";
import { reportDays, reportTotals } from "./report-sql";
import { CycleReport } from "./schemas";

/** GET /cycles/{id}/report: anyone who can see the project; a completed cycle answers its frozen report. */
export async function getCycleReport(args: { ctx: ServiceContext; cycleId: string }): Promise<CycleReport> {
  const db = await dbFor(args.ctx);
  const { cycle, access } = await getCycleForActorOrThrow({ db, ctx: args.ctx, cycleId: args.cycleId, action: "project.read" });
  if (cycle.report) return CycleReport.parse(cycle.report);
  return computeCycleReport(db, cycle, access.project.timezone, args.ctx.now);
}

/** The report as of `now` (points when a task of the cycle has an estimate, else task counts). */
export async function computeCycleReport(db: Database, cycle: CycleRow, timezone: string, now: Date): Promise<CycleReport> {
  const scope = { cycleId: cycle.id, projectId: cycle.projectId, timezone, startDate: cycle.startDate, endDate: cycle.endDate, until: now };
  const today = dayIn(timezone, now);
  const lastDay = today < cycle.endDate ? today : cycle.endDate;
  const totals = await reportTotals(db, scope);
  const days = await reportDays(db, scope, lastDay);
  const usePoints = totals.points;
  const amount = (a: { n: number; p: number }) => ({ tasks: a.n, points: a.p });
  const first = days[0];
  // The ideal line runs from the first day's scope (work planned on day one counts as planned) to zero.
  const startValue = first ? (usePoints ? first.scopeP : first.scopeN) : 0;
  const length = daysBetween(cycle.startDate, cycle.endDate);
  return {
    cycleId: cycle.id,
    unit: usePoints ? "points" : "tasks",
    frozen: Boolean(cycle.completedAt),
    scopeAtStart: amount(totals.start),
    added: amount(totals.added),
    removed: amount(totals.removed),
    completed: amount(totals.completed),
    carriedOver: amount(totals.carried),
    days: days.map((d) => {
      const i = daysBetween(cycle.startDate, d.date);
      return {
        date: d.date,
        scope: usePoints ? d.scopeP : d.scopeN,
        completed: usePoints ? d.doneP : d.doneN,
        remaining: usePoints ? d.openP : d.openN,
        ideal: length === 0 ? 0 : Math.round(startValue * (1 - i / length) * 100) / 100,
      };
    }),
  };
}
