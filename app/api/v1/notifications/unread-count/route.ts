import { unreadCountOp } from "@/server/operations/notifications";
import { route } from "@/server/http/route";
import { countUnreadNotifications } from "@/server/notifications";

export const GET = route(unreadCountOp, ({ ctx }) => countUnreadNotifications({ ctx }));
