import { resendInvitationOp } from "@/server/operations/workspaces";
import { route } from "@/server/http/route";
import { resendInvitation } from "@/server/workspaces";

export const POST = route(resendInvitationOp, ({ ctx, params }) =>
  resendInvitation({ ctx, slug: params.slug, invitationId: params.invitationId }),
);
