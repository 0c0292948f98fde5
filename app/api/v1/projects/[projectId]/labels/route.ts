import { createLabelOp, listLabelsOp } from "@/server/operations/projects";
import { route } from "@/server/http/route";
import { createLabel, listLabels } from "@/server/projects";

export const GET = route(listLabelsOp, ({ ctx, params, query }) => listLabels({ ctx, projectId: params.projectId, page: query }));
export const POST = route(createLabelOp, ({ ctx, params, body }) => createLabel({ ctx, projectId: params.projectId, input: body }));
