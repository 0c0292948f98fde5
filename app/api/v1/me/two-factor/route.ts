import { getTwoFactorOp, startTwoFactorOp } from "@/server/operations/account";
import { route } from "@/server/http/route";
import { startTwoFactorEnrollment, twoFactorStatus } from "@/server/account";

export const GET = route(getTwoFactorOp, ({ ctx }) => twoFactorStatus({ ctx }));
export const POST = route(startTwoFactorOp, ({ ctx }) => startTwoFactorEnrollment({ ctx }));
