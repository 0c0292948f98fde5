import { createFieldOp, listFieldsOp } from "@/server/operations/custom-fields";
import { route } from "@/server/http/route";
import { createField, listFields } from "@/server/custom-fields";

export const GET = route(listFieldsOp, ({ ctx, params, query }) => listFields({ ctx, projectId: params.projectId, page: query }));
export const POST = route(createFieldOp, ({ ctx, params, body }) => createField({ ctx, projectId: params.projectId, input: body }));
