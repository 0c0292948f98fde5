import { and, eq } from "drizzle-orm";
import { projects } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor } from "@/server/transaction";
import { NotFoundError } from "../errors";
import { getWorkspaceForActorOrThrow } from "../workspaces/internal";
import { getProjectAnalytics } from "./project";
import type { ProjectAnalytics } from "./schemas";

export type AnalyticsProject = { id: string; key: string; name: string; workspaceSlug: string };

/**
 * For the pages at /w/{slug}/p/{key}/analytics: the project by its key, then its analytics through
 * the same access check as the API (404 when the caller cannot see it).
 */
export async function getProjectAnalyticsByKey(args: {
  ctx: ServiceContext;
  slug: string;
  key: string;
  query?: { from?: string; to?: string };
}): Promise<{ project: AnalyticsProject; analytics: ProjectAnalytics }> {
  const db = await dbFor(args.ctx);
  const { workspace } = await getWorkspaceForActorOrThrow({ db, ctx: args.ctx, slug: args.slug, action: "workspace.read" });
  const [row] = await db
    .select({ id: projects.id, key: projects.key, name: projects.name })
    .from(projects)
    .where(and(eq(projects.workspaceId, workspace.id), eq(projects.key, args.key.toUpperCase())))
    .limit(1);
  if (!row) throw new NotFoundError("Project");
  const analytics = await getProjectAnalytics({ ctx: args.ctx, projectId: row.id, query: args.query });
  return { project: { ...row, workspaceSlug: workspace.slug }, analytics };
}
