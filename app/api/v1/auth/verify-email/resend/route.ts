import { resendVerificationOp } from "@/server/operations/account";
import { route } from "@/server/http/route";
import { resendVerificationEmail } from "@/server/account";

export const POST = route(resendVerificationOp, async ({ ctx }) => {
  await resendVerificationEmail({ ctx });
  return { message: "A new verification link is on its way" };
});
