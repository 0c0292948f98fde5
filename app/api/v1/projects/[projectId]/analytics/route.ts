import { getProjectAnalytics } from "@/server/analytics";
import { projectAnalyticsOp } from "@/server/operations/analytics";
import { route } from "@/server/http/route";

export const GET = route(projectAnalyticsOp, ({ ctx, params, query }) => getProjectAnalytics({ ctx, projectId: params.projectId, query }));
