import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { projectMembers, projects, workspaceMembers } from "@/db/schema";
import { canSee } from "../auth/policy";
import type { ServiceContext } from "../context";
import { dbFor, requireUserId } from "../transaction";
import { getWorkspaceForActorOrThrow } from "../workspaces/internal";
import { cacheKey, cached } from "./cache";
import { assigneeLoad, openCounts } from "./counts";
import { flowTimes, flowTimesOf } from "./cycle-time";
import { resolveRange, safeTimezone, todayIn, type ResolvedRange } from "./range";
import { analyticsDatabase } from "./read-database";
import { projectDataVersion } from "./data-version";
import type { WorkspaceAnalytics } from "./schemas";
import type { Scope } from "./scope";
import { categoriesOf, countsOf, headlineOf, prioritiesOf, toAssigneeLoad, totalOf } from "./shape";
import { createdByProject, throughput } from "./throughput";

type VisibleProject = { id: string; key: string; name: string; dataVersion: number; timezone: string };

/** The workspace's live projects the caller can see, by the same policy as a project read. */
async function visibleProjects(db: Database, ctx: ServiceContext, workspaceId: string): Promise<VisibleProject[]> {
  const userId = requireUserId(ctx);
  const rows = await db
    .select({
      id: projects.id,
      key: projects.key,
      name: projects.name,
      dataVersion: projectDataVersion,
      timezone: projects.timezone,
      visibility: projects.visibility,
      workspaceRole: workspaceMembers.role,
      projectRole: projectMembers.role,
    })
    .from(projects)
    .innerJoin(workspaceMembers, and(eq(workspaceMembers.workspaceId, projects.workspaceId), eq(workspaceMembers.userId, userId)))
    .leftJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, userId)))
    .where(and(eq(projects.workspaceId, workspaceId), isNull(projects.archivedAt)))
    .orderBy(asc(projects.name), asc(projects.id));
  return rows.filter((r) =>
    canSee({ type: "project", workspaceRole: r.workspaceRole, projectRole: r.projectRole, visibility: r.visibility }),
  );
}

/**
 * GET /workspaces/{slug}/analytics: the project headline figures summed over the projects the
 * caller can see (archived ones left out). Range dates are read in each project's own time zone;
 * the defaults come from today in UTC.
 */
export async function getWorkspaceAnalytics(args: {
  ctx: ServiceContext;
  slug: string;
  query?: { from?: string; to?: string };
}): Promise<WorkspaceAnalytics> {
  const db = await dbFor(args.ctx);
  const { workspace } = await getWorkspaceForActorOrThrow({ db, ctx: args.ctx, slug: args.slug, action: "workspace.read" });
  const range = resolveRange(args.query, "UTC", args.ctx.now);
  const visible = await visibleProjects(db, args.ctx, workspace.id);
  // Visibility differs per caller, so the key names the exact projects, their versions and local dates.
  const key = cacheKey([
    "workspace",
    workspace.id,
    range.from,
    range.to,
    ...visible.map((p) => `${p.id}:${p.dataVersion}:${todayIn(safeTimezone(p.timezone), args.ctx.now)}`),
  ]);
  return cached(key, async () => {
    const reads = await analyticsDatabase(args.ctx, db, visible);
    return computeWorkspaceAnalytics(reads, visible, { projectIds: visible.map((p) => p.id), now: args.ctx.now }, range);
  });
}

async function computeWorkspaceAnalytics(
  db: Database,
  visible: VisibleProject[],
  scope: Scope,
  range: ResolvedRange,
): Promise<WorkspaceAnalytics> {
  const base = { range: { from: range.from, to: range.to, timezone: range.timezone } };
  if (visible.length === 0) return { ...base, ...emptyFigures(), throughput: await throughput(db, scope, range.from, range.to) };
  const [counts, assignees, weeks, times, created] = await Promise.all([
    openCounts(db, scope),
    assigneeLoad(db, scope),
    throughput(db, scope, range.from, range.to),
    flowTimes(db, scope, range.from, range.to),
    createdByProject(db, scope, range.from, range.to),
  ]);
  const total = totalOf(counts);
  return {
    ...base,
    projects: visible.map((p) => {
      const c = countsOf(counts, p.id);
      const t = flowTimesOf(times, p.id);
      return {
        id: p.id,
        key: p.key,
        name: p.name,
        open: c.open,
        ...headlineOf(c),
        created: created.find((r) => r.projectId === p.id)?.created ?? 0,
        completed: t.completedCount,
        cycleTimeP50: t.cycleTimeHours.p50,
      };
    }),
    counts: {
      open: total.open,
      byCategory: categoriesOf(total),
      byPriority: prioritiesOf(total),
      byAssignee: assignees.map(toAssigneeLoad),
    },
    ...headlineOf(total),
    throughput: weeks,
    ...flowTimesOf(times, null),
  };
}

function emptyFigures() {
  const total = totalOf([]);
  return {
    projects: [],
    counts: { open: 0, byCategory: categoriesOf(total), byPriority: prioritiesOf(total), byAssignee: [] },
    ...headlineOf(total),
    ...flowTimesOf([], null),
  };
}
