import { requestPasswordResetOp } from "@/server/operations/account";
import { route } from "@/server/http/route";
import { requestPasswordReset } from "@/server/account";

export const POST = route(requestPasswordResetOp, async ({ ctx, body }) => {
  await requestPasswordReset({ ctx, input: body });
  return { message: "If an account uses this address, a reset link is on its way" };
});
