import { markReadOp } from "@/server/operations/notifications";
import { route } from "@/server/http/route";
import { markNotificationRead } from "@/server/notifications";

export const POST = route(markReadOp, ({ ctx, params }) => markNotificationRead({ ctx, id: params.id }));
