import { listNotificationsOp } from "@/server/operations/notifications";
import { route } from "@/server/http/route";
import { listNotifications } from "@/server/notifications";

export const GET = route(listNotificationsOp, ({ ctx, query }) => listNotifications({ ctx, query }));
