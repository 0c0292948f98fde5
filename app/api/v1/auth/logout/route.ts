import { logoutOp } from "@/server/operations/auth";
import { route } from "@/server/http/route";
import { logout } from "@/server/users";

export const POST = route(logoutOp, ({ ctx }) => logout({ ctx }));
