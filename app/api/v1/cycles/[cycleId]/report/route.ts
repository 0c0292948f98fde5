import { cycleReportOp } from "@/server/operations/cycles";
import { route } from "@/server/http/route";
import { getCycleReport } from "@/server/cycles";

export const GET = route(cycleReportOp, ({ ctx, params }) => getCycleReport({ ctx, cycleId: params.cycleId }));
