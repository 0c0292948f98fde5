import { getPreferencesOp, updatePreferencesOp } from "@/server/operations/notifications";
import { route } from "@/server/http/route";
import { getNotificationPreferences, updateNotificationPreferences } from "@/server/notifications";

export const GET = route(getPreferencesOp, ({ ctx }) => getNotificationPreferences({ ctx }));
export const PUT = route(updatePreferencesOp, ({ ctx, body }) => updateNotificationPreferences({ ctx, input: body }));
