import { getWorkspaceAnalytics } from "@/server/analytics";
import { workspaceAnalyticsOp } from "@/server/operations/analytics";
import { route } from "@/server/http/route";

export const GET = route(workspaceAnalyticsOp, ({ ctx, params, query }) => getWorkspaceAnalytics({ ctx, slug: params.slug, query }));
