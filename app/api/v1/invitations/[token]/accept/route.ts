import { acceptInvitationOp } from "@/server/operations/workspaces";
import { route } from "@/server/http/route";
import { acceptInvitation } from "@/server/workspaces";

export const POST = route(acceptInvitationOp, ({ ctx, params }) => acceptInvitation({ ctx, token: params.token }));
