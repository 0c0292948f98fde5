import { deleteViewOp, getViewOp, updateViewOp } from "@/server/operations/views";
import { route } from "@/server/http/route";
import { getView, removeView, updateView } from "@/server/views";

export const GET = route(getViewOp, ({ ctx, params }) => getView({ ctx, projectId: params.projectId, viewId: params.viewId }));
export const PATCH = route(updateViewOp, ({ ctx, params, body, ifMatch }) =>
  updateView({ ctx, projectId: params.projectId, viewId: params.viewId, input: body, ifMatch }),
);
export const DELETE = route(deleteViewOp, async ({ ctx, params }) =>
  removeView({ ctx, projectId: params.projectId, viewId: params.viewId }),
);
