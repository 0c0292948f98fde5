import type { ServiceContext } from "../context";
import { getProjectByKey } from "../projects/get-by-key";
import { getProjectAnalytics } from "./project";
import type { ProjectAnalytics } from "./schemas";

export type AnalyticsProject = { id: string; key: string; name: string; workspaceSlug: string };

/**
 * For the pages at /w/{slug}/p/{key}/analytics: the project by its key (the same lookup as every
 * project page), then its analytics through the same access check as the API.
 */
export async function getProjectAnalyticsByKey(args: {
  ctx: ServiceContext;
  slug: string;
  key: string;
  query?: { from?: string; to?: string };
}): Promise<{ project: AnalyticsProject; analytics: ProjectAnalytics }> {
  const project = await getProjectByKey({ ctx: args.ctx, slug: args.slug, key: args.key });
  const analytics = await getProjectAnalytics({ ctx: args.ctx, projectId: project.id, query: args.query });
  return { project: { id: project.id, key: project.key, name: project.name, workspaceSlug: args.slug }, analytics };
}
