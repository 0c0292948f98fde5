import { revokeTokenOp } from "@/server/operations/auth";
import { route } from "@/server/http/route";
import { revokeToken } from "@/server/users";

export const DELETE = route(revokeTokenOp, ({ ctx, params }) => revokeToken({ ctx, tokenId: params.id }));
