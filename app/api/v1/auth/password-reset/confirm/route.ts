import { confirmPasswordResetOp } from "@/server/operations/account";
import { route } from "@/server/http/route";
import { confirmPasswordReset } from "@/server/account";

export const POST = route(confirmPasswordResetOp, ({ ctx, body }) => confirmPasswordReset({ ctx, input: body }));
