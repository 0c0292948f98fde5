import { csvResponse } from "@/server/analytics";
import { exportTimeEntriesCsvOp } from "@/server/operations/time-tracking";
import { exportTimeEntriesCsv } from "@/server/time-tracking";
import { route } from "@/server/http/route";

export const GET = route(exportTimeEntriesCsvOp, async ({ ctx, params, query }) =>
  csvResponse(await exportTimeEntriesCsv({ ctx, projectId: params.projectId, query })),
);
