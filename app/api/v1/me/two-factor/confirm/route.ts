import { confirmTwoFactorOp } from "@/server/operations/account";
import { route } from "@/server/http/route";
import { confirmTwoFactorEnrollment } from "@/server/account";

export const POST = route(confirmTwoFactorOp, ({ ctx, body }) => confirmTwoFactorEnrollment({ ctx, input: body }));
