export const notificationTypes = [
  "task.assigned",
  "task.status_changed",
  "task.commented",
  "task.mentioned",
  "task.due_soon",
  "project.member_added",
] as const;
export type NotificationType = (typeof notificationTypes)[number];

/** Sent to a webhook's creator when it is disabled; not configurable (always in-app and email). */
export type SystemNotificationType = "webhook.disabled";

export type ChannelChoice = { inApp: boolean; email: boolean };

const emailByDefault = new Set<NotificationType>(["task.assigned", "task.mentioned", "task.due_soon"]);

export function defaultChoice(type: NotificationType): ChannelChoice {
  return { inApp: true, email: emailByDefault.has(type) };
}

export function isNotificationType(type: string): type is NotificationType {
  return (notificationTypes as readonly string[]).includes(type);
}
