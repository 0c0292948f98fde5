import { database } from "@/db/client";
import { wakeEmailWorker } from "../email/jobs";
import { realtimeSink } from "../events/sink";
import { unreadCountOf, type CreatedNotification } from "./deliver";
import type { Notification } from "./schemas";

/** What a recipient's sockets receive as `notification.created` (room user:<id>). */
export type NotificationCreatedEvent = {
  id: number;
  type: "notification.created";
  projectId: string | null;
  actorId: string | null;
  at: string;
  data: Notification;
  unreadCount: number;
};

/**
 * After the commit: wake the email worker and tell each recipient's sockets (room user:<id>).
 * Best effort: the inbox is the record, and a client refetches it when it reconnects.
 */
export async function announceNotifications(created: CreatedNotification[]): Promise<void> {
  wakeEmailWorker();
  const sink = realtimeSink();
  if (!sink || created.length === 0) return;
  const db = await database();
  for (const c of created) {
    const unreadCount = await unreadCountOf(db, c.userId);
    const body: NotificationCreatedEvent = {
      id: c.eventId ?? 0,
      type: "notification.created",
      projectId: c.projectId,
      actorId: c.actorId,
      at: c.notification.createdAt,
      data: c.notification,
      unreadCount,
    };
    await sink.publishToUser(c.userId, "notification.created", body);
  }
}
