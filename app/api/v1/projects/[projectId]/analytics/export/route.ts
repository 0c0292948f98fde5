import { csvResponse, exportProjectAnalyticsCsv } from "@/server/analytics";
import { projectAnalyticsCsvOp } from "@/server/operations/analytics";
import { route } from "@/server/http/route";

export const GET = route(projectAnalyticsCsvOp, async ({ ctx, params, query }) =>
  csvResponse(await exportProjectAnalyticsCsv({ ctx, projectId: params.projectId, query })),
);
