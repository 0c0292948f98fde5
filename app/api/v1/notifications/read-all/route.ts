import { markAllReadOp } from "@/server/operations/notifications";
import { route } from "@/server/http/route";
import { markAllNotificationsRead } from "@/server/notifications";

export const POST = route(markAllReadOp, ({ ctx }) => markAllNotificationsRead({ ctx }));
