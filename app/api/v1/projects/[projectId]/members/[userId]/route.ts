import { removeProjectMemberOp, updateProjectMemberOp } from "@/server/operations/projects";
import { route } from "@/server/http/route";
import { removeProjectMember, updateProjectMember } from "@/server/projects";

export const PATCH = route(updateProjectMemberOp, ({ ctx, params, body }) =>
  updateProjectMember({ ctx, projectId: params.projectId, userId: params.userId, input: body }),
);
export const DELETE = route(removeProjectMemberOp, ({ ctx, params }) =>
  removeProjectMember({ ctx, projectId: params.projectId, userId: params.userId }),
);
