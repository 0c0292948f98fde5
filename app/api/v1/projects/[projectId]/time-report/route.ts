import { timeReportOp } from "@/server/operations/time-tracking";
import { getProjectTimeReport } from "@/server/time-tracking";
import { route } from "@/server/http/route";

export const GET = route(timeReportOp, ({ ctx, params, query }) => getProjectTimeReport({ ctx, projectId: params.projectId, query }));
