import { registerOp } from "@/server/operations/auth";
import { route } from "@/server/http/route";
import { registerUser } from "@/server/users";

export const POST = route(registerOp, async ({ ctx, body }) => ({ user: await registerUser({ ctx, input: body }) }));
