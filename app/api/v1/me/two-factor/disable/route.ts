import { disableTwoFactorOp } from "@/server/operations/account";
import { route } from "@/server/http/route";
import { disableTwoFactor } from "@/server/account";

export const POST = route(disableTwoFactorOp, ({ ctx, body }) => disableTwoFactor({ ctx, input: body }));
