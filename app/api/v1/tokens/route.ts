import { createTokenOp, listTokensOp } from "@/server/operations/auth";
import { route } from "@/server/http/route";
import { createToken, listTokens } from "@/server/users";

export const GET = route(listTokensOp, ({ ctx, query }) => listTokens({ ctx, page: query }));
export const POST = route(createTokenOp, ({ ctx, body }) => createToken({ ctx, input: body }));
