import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { projects } from "@/db/schema";
import { projectDataVersion } from "./data-version";
import type { ServiceContext } from "../context";
import { dbFor } from "../transaction";
import { getProjectForActorOrThrow } from "../projects/internal";
import { cacheKey, cached } from "./cache";
import { assigneeLoad, openCounts, statusCounts } from "./counts";
import { cumulativeFlow } from "./cumulative-flow";
import { completedTasks, flowTimes, flowTimesOf } from "./cycle-time";
import { resolveRange, type ResolvedRange } from "./range";
import { analyticsDatabase } from "./read-database";
import { categoriesOf, headlineOf, prioritiesOf, toAssigneeLoad, totalOf } from "./shape";
import type { ProjectAnalytics } from "./schemas";
import type { Scope } from "./scope";
import { throughput } from "./throughput";

/**
 * GET /projects/{id}/analytics: every figure is a SQL aggregate. Readable by anyone who can see the
 * project (viewers included); the access check runs on the primary before the cache, on every call,
 * and the aggregates on the read replica when one is set.
 */
export async function getProjectAnalytics(args: {
  ctx: ServiceContext;
  projectId: string;
  query?: { from?: string; to?: string };
}): Promise<ProjectAnalytics> {
  const db = await dbFor(args.ctx);
  const { project } = await getProjectForActorOrThrow({ db, ctx: args.ctx, projectId: args.projectId, action: "project.read" });
  const range = resolveRange(args.query, project.timezone, args.ctx.now);
  const [version] = await db.select({ id: projects.id, dataVersion: projectDataVersion }).from(projects).where(eq(projects.id, project.id));
  const key = cacheKey(["project", project.id, version!.dataVersion, range.today, range.from, range.to, range.timezone]);
  return cached(key, async () => {
    const reads = await analyticsDatabase(args.ctx, db, [version!]);
    return computeProjectAnalytics(reads, { projectIds: [project.id], now: args.ctx.now }, range);
  });
}

async function computeProjectAnalytics(db: Database, scope: Scope, range: ResolvedRange): Promise<ProjectAnalytics> {
  const projectId = scope.projectIds[0]!;
  const [counts, assignees, byStatus, weeks, times, slowest, completions, flow] = await Promise.all([
    openCounts(db, scope),
    assigneeLoad(db, scope),
    statusCounts(db, projectId),
    throughput(db, scope, range.from, range.to),
    flowTimes(db, scope, range.from, range.to),
    completedTasks(db, scope, range.from, range.to, "slowest", 10),
    completedTasks(db, scope, range.from, range.to, "newest", 1000),
    cumulativeFlow(db, projectId, range.timezone, range.from, range.to),
  ]);
  const total = totalOf(counts);
  const cumulative = new Map<string, Record<string, number>>();
  for (const row of flow) (cumulative.get(row.date) ?? cumulative.set(row.date, {}).get(row.date)!)[row.statusId] = row.count;
  return {
    range: { from: range.from, to: range.to, timezone: range.timezone },
    counts: { byStatus, byCategory: categoriesOf(total), byPriority: prioritiesOf(total), byAssignee: assignees.map(toAssigneeLoad) },
    ...headlineOf(total),
    throughput: weeks,
    ...flowTimesOf(times, null),
    cumulativeFlow: [...cumulative].map(([date, counts]) => ({ date, counts })),
    slowest,
    completions,
  };
}
