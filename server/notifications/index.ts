export * from "./schemas";
export { notificationTypes, defaultChoice, type NotificationType } from "./types";
export { getNotificationPreferences, updateNotificationPreferences } from "./preferences";
export { listNotifications, markNotificationRead, markAllNotificationsRead, countUnreadNotifications } from "./inbox";
export { createNotifications, type NotificationDraft } from "./deliver";
export { notificationsConsumer } from "./consumer";
