import { createStatusOp, listStatusesOp } from "@/server/operations/projects";
import { route } from "@/server/http/route";
import { createStatus, listStatuses } from "@/server/projects";

export const GET = route(listStatusesOp, ({ ctx, params, query }) => listStatuses({ ctx, projectId: params.projectId, page: query }));
export const POST = route(createStatusOp, ({ ctx, params, body }) => createStatus({ ctx, projectId: params.projectId, input: body }));
