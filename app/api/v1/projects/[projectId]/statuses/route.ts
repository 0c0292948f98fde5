import { listStatusesOp } from "@/server/api/projects";
import { route } from "@/server/http/route";
import { listStatuses } from "@/server/projects";

export const GET = route(listStatusesOp, ({ ctx, params, query }) => listStatuses({ ctx, projectId: params.projectId, page: query }));
