import { csvResponse, exportWorkspaceAnalyticsCsv } from "@/server/analytics";
import { workspaceAnalyticsCsvOp } from "@/server/operations/analytics";
import { route } from "@/server/http/route";

export const GET = route(workspaceAnalyticsCsvOp, async ({ ctx, params, query }) =>
  csvResponse(await exportWorkspaceAnalyticsCsv({ ctx, slug: params.slug, query })),
);
