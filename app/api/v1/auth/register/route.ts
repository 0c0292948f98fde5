import { register } from "@/server/api/auth";
import { route } from "@/server/http/route";
import { registerUser } from "@/server/users";

export const POST = route(register, async ({ ctx, body }) => ({ user: await registerUser({ ctx, input: body }) }));
