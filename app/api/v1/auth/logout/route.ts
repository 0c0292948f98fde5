import { logoutOp } from "@/server/api/auth";
import { route } from "@/server/http/route";
import { logout } from "@/server/users";

export const POST = route(logoutOp, ({ ctx }) => logout({ ctx }));
