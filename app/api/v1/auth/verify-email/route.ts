import { verifyEmailOp } from "@/server/operations/account";
import { route } from "@/server/http/route";
import { verifyEmail } from "@/server/account";

export const POST = route(verifyEmailOp, ({ ctx, body }) => verifyEmail({ ctx, input: body }));
