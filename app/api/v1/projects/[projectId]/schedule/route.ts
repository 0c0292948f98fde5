import { getScheduleOp } from "@/server/operations/schedule";
import { route } from "@/server/http/route";
import { getSchedule } from "@/server/tasks";

export const GET = route(getScheduleOp, ({ ctx, params, query }) => getSchedule({ ctx, projectId: params.projectId, query }));
