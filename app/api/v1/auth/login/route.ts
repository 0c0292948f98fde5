import { loginOp } from "@/server/operations/auth";
import { route } from "@/server/http/route";
import { login } from "@/server/users";

export const POST = route(loginOp, ({ ctx, body }) => login({ ctx, input: body }));
