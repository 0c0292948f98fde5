import { z } from "zod";
import { defineOperation } from "./define";
import {
  ListNotificationsQuery,
  Notification,
  NotificationPreferences,
  ReadAllResult,
  UnreadCount,
  UpdateNotificationPreferences,
} from "../notifications/schemas";
import { Id, pageOf } from "./common";

const tag = "Notifications";

export const listNotificationsOp = defineOperation({
  method: "GET",
  path: "/api/v1/notifications",
  tag,
  auth: "required",
  summary: "Your notifications, newest first (`unread=true` for unread only)",
  query: ListNotificationsQuery,
  response: pageOf(Notification, "NotificationPage"),
  status: 200,
  errors: [400, 401, 422],
});
export const unreadCountOp = defineOperation({
  method: "GET",
  path: "/api/v1/notifications/unread-count",
  tag,
  auth: "required",
  summary: "How many of your notifications are unread",
  response: UnreadCount,
  status: 200,
  errors: [401],
});
export const markReadOp = defineOperation({
  method: "POST",
  path: "/api/v1/notifications/{id}/read",
  tag,
  auth: "required",
  summary: "Mark one of your notifications read (idempotent)",
  params: z.object({ id: Id }),
  response: Notification,
  status: 200,
  errors: [401, 404],
});
export const markAllReadOp = defineOperation({
  method: "POST",
  path: "/api/v1/notifications/read-all",
  tag,
  auth: "required",
  summary: "Mark all your notifications read",
  response: ReadAllResult,
  status: 200,
  errors: [401],
});
export const getPreferencesOp = defineOperation({
  method: "GET",
  path: "/api/v1/me/notification-preferences",
  tag,
  auth: "required",
  summary: "Your channels (in-app, email) per notification type",
  response: NotificationPreferences,
  status: 200,
  errors: [401],
});
export const updatePreferencesOp = defineOperation({
  method: "PUT",
  path: "/api/v1/me/notification-preferences",
  tag,
  auth: "required",
  summary: "Change channels for the types named (merged into the rest); answers with all preferences",
  body: UpdateNotificationPreferences,
  response: NotificationPreferences,
  status: 200,
  errors: [400, 401, 415, 422],
});
