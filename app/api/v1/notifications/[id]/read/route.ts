import { markReadOp } from "@/server/api/notifications";
import { route } from "@/server/http/route";
import { markNotificationRead } from "@/server/notifications";

export const POST = route(markReadOp, ({ ctx, params }) => markNotificationRead({ ctx, id: params.id }));
