import { z } from "zod";
import { PageQuery } from "../pagination";
import { notificationTypes } from "./types";

const Ref = <E extends z.ZodRawShape>(extra: E) => z.object({ id: z.uuid(), ...extra });

export const Notification = z
  .object({
    id: z.uuid(),
    type: z.string().meta({ description: `One of ${notificationTypes.join(", ")}, or webhook.disabled` }),
    task: Ref({ key: z.string(), title: z.string() }).optional(),
    project: Ref({ key: z.string(), name: z.string() }).optional(),
    workspace: Ref({ slug: z.string() })
      .optional()
      .meta({ description: "Where the task or project lives, for links: APP_URL/w/<slug>/t/<key>" }),
    actor: Ref({ name: z.string() }).optional(),
    message: z.string().meta({ description: "A one-line summary, ready to show" }),
    readAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Notification" });
export type Notification = z.infer<typeof Notification>;

export const ListNotificationsQuery = PageQuery.extend({
  unread: z.enum(["true", "false"]).optional().meta({ description: "true: only unread notifications" }),
}).meta({ id: "ListNotificationsQuery" });
export type ListNotificationsQuery = z.infer<typeof ListNotificationsQuery>;

export const UnreadCount = z.object({ count: z.number().int().min(0) }).meta({ id: "UnreadCount" });
export const ReadAllResult = z.object({ updated: z.number().int().min(0) }).meta({ id: "ReadAllResult" });

export const ChannelChoice = z.object({ inApp: z.boolean(), email: z.boolean() }).meta({ id: "ChannelChoice" });

const choiceShape = Object.fromEntries(notificationTypes.map((t) => [t, ChannelChoice])) as Record<
  (typeof notificationTypes)[number],
  typeof ChannelChoice
>;
export const NotificationPreferences = z.object(choiceShape).meta({ id: "NotificationPreferences" });
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

const partialChoice = ChannelChoice.partial().strict();
const updateShape = Object.fromEntries(notificationTypes.map((t) => [t, partialChoice.optional()])) as Record<
  (typeof notificationTypes)[number],
  z.ZodOptional<typeof partialChoice>
>;
/** PUT merges: only the named types (and, within a type, only the named channels) change. */
export const UpdateNotificationPreferences = z
  .object(updateShape)
  .strict()
  .refine((v) => Object.keys(v).length > 0, "name at least one notification type")
  .meta({ id: "UpdateNotificationPreferences" });
export type UpdateNotificationPreferences = z.infer<typeof UpdateNotificationPreferences>;
