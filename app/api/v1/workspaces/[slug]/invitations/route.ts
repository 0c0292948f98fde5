import { listInvitationsOp } from "@/server/operations/workspaces";
import { route } from "@/server/http/route";
import { listInvitations } from "@/server/workspaces";

export const GET = route(listInvitationsOp, ({ ctx, params, query }) => listInvitations({ ctx, slug: params.slug, page: query }));
