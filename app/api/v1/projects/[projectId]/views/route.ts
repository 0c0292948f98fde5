import { createViewOp, listViewsOp } from "@/server/operations/views";
import { route } from "@/server/http/route";
import { createView, listViews } from "@/server/views";

export const GET = route(listViewsOp, ({ ctx, params, query }) => listViews({ ctx, projectId: params.projectId, page: query }));
export const POST = route(createViewOp, ({ ctx, params, body }) => createView({ ctx, projectId: params.projectId, input: body }));
