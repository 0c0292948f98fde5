import { and, count, eq, gt, inArray, lte, max } from "drizzle-orm";
import type { Database } from "@/db/client";
import { events } from "@/db/schema";

/** The newest event id of each project (absent when it has none). */
export async function latestEventIds(db: Database, projectIds: string[]): Promise<Map<string, number>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db
    .select({ projectId: events.projectId, id: max(events.id) })
    .from(events)
    .where(inArray(events.projectId, projectIds))
    .groupBy(events.projectId);
  return new Map(rows.filter((r) => r.projectId && r.id !== null).map((r) => [r.projectId!, Number(r.id)]));
}

export async function countEventsBetween(db: Database, projectId: string, afterId: number, upTo: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(events)
    .where(and(eq(events.projectId, projectId), gt(events.id, afterId), lte(events.id, upTo)));
  return Number(row?.n ?? 0);
}
