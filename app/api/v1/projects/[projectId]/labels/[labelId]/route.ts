import { removeLabelOp, updateLabelOp } from "@/server/operations/projects";
import { route } from "@/server/http/route";
import { updateLabel } from "@/server/projects";
import { removeLabel } from "@/server/tasks";

export const PATCH = route(updateLabelOp, ({ ctx, params, body }) =>
  updateLabel({ ctx, projectId: params.projectId, labelId: params.labelId, input: body }),
);
export const DELETE = route(removeLabelOp, ({ ctx, params }) => removeLabel({ ctx, projectId: params.projectId, labelId: params.labelId }));
