import { database } from "@/db/client";
import { wakeEmailWorker } from "../email/jobs";
import { realtimeSink } from "../events/sink";
import { unreadCountOf, type CreatedNotification } from "./deliver";

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
    await sink.publishToUser(c.userId, "notification.created", {
      id: c.eventId ?? 0,
      type: "notification.created",
      projectId: c.projectId,
      actorId: c.actorId,
      at: c.notification.createdAt,
      data: c.notification,
      unreadCount,
    });
  }
}
