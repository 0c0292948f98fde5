import { getMeOp, updateMeOp } from "@/server/operations/auth";
import { route } from "@/server/http/route";
import { getMe, updateMe } from "@/server/users";

export const GET = route(getMeOp, ({ ctx }) => getMe({ ctx }));
export const PATCH = route(updateMeOp, ({ ctx, body }) => updateMe({ ctx, input: body }));
