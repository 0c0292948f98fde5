import { removeMemberOp, updateMemberOp } from "@/server/operations/workspaces";
import { route } from "@/server/http/route";
import { removeMember, updateMember } from "@/server/workspaces";

export const PATCH = route(updateMemberOp, ({ ctx, params, body }) =>
  updateMember({ ctx, slug: params.slug, userId: params.userId, input: body }),
);
export const DELETE = route(removeMemberOp, ({ ctx, params }) => removeMember({ ctx, slug: params.slug, userId: params.userId }));
