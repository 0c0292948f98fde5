import { addMemberOp, listMembersOp } from "@/server/operations/workspaces";
import { Reply, route } from "@/server/http/route";
import { addMember, listMembers } from "@/server/workspaces";

export const GET = route(listMembersOp, ({ ctx, params, query }) => listMembers({ ctx, slug: params.slug, page: query }));
export const POST = route(addMemberOp, async ({ ctx, params, body }) => {
  const result = await addMember({ ctx, slug: params.slug, input: body });
  return result.kind === "member" ? result.member : new Reply(202, { invitation: result.invitation });
});
