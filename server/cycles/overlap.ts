import { and, asc, gte, lte, ne } from "drizzle-orm";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { cycles } from "@/db/schema";
import { fieldError } from "../errors";
import { daysBetween } from "./dates";

export const MAX_CYCLE_DAYS = 366;

/**
 * Refuses dates that run backwards, are too long, or overlap another cycle of the project (422 naming
 * the field). Call it under lockCycles, so two writers cannot both pass the check.
 */
export async function checkCycleDates(db: Database, projectId: string, span: { startDate: string; endDate: string }, exceptId?: string) {
  if (span.endDate < span.startDate) throw fieldError("endDate", "must be on or after startDate");
  if (daysBetween(span.startDate, span.endDate) >= MAX_CYCLE_DAYS)
    throw fieldError("endDate", `must be within ${MAX_CYCLE_DAYS} days of startDate`);
  const [clash] = await db
    .select({ name: cycles.name, startDate: cycles.startDate, endDate: cycles.endDate })
    .from(cycles)
    .where(
      and(
        eq(cycles.projectId, projectId),
        lte(cycles.startDate, span.endDate),
        gte(cycles.endDate, span.startDate),
        exceptId ? ne(cycles.id, exceptId) : undefined,
      ),
    )
    .orderBy(asc(cycles.startDate))
    .limit(1);
  if (clash)
    throw fieldError("startDate", `overlaps ${clash.name} (${clash.startDate} – ${clash.endDate}); cycles of a project never overlap`);
}
