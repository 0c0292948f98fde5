import { addProjectMemberOp, listProjectMembersOp } from "@/server/operations/projects";
import { route } from "@/server/http/route";
import { addProjectMember, listProjectMembers } from "@/server/projects";

export const GET = route(listProjectMembersOp, ({ ctx, params, query }) =>
  listProjectMembers({ ctx, projectId: params.projectId, page: query }),
);
export const POST = route(addProjectMemberOp, ({ ctx, params, body }) =>
  addProjectMember({ ctx, projectId: params.projectId, input: body }),
);
