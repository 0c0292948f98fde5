import { removeStatusOp, updateStatusOp } from "@/server/operations/projects";
import { route } from "@/server/http/route";
import { updateStatus } from "@/server/projects";
import { removeStatus } from "@/server/tasks";

export const PATCH = route(updateStatusOp, ({ ctx, params, body }) =>
  updateStatus({ ctx, projectId: params.projectId, statusId: params.statusId, input: body }),
);
export const DELETE = route(removeStatusOp, ({ ctx, params, query }) =>
  removeStatus({ ctx, projectId: params.projectId, statusId: params.statusId, moveTo: query.moveTo }),
);
