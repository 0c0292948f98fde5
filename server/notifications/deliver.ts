import { and, count, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { emailJobs, notifications, users, type NotificationSubject } from "@/db/schema";
import { notificationEmail } from "../email/notification-email";
import { choicesFor } from "./preferences";
import type { Notification } from "./schemas";
import type { ChannelChoice, NotificationType, SystemNotificationType } from "./types";

export type NotificationDraft = {
  type: NotificationType | SystemNotificationType;
  userIds: string[];
  /** Unique per producer and occurrence ("evt:42:task.assigned", "due:<task>:<date>"): makes redelivery harmless. */
  dedupe: string;
  eventId: number | null;
  projectId: string | null;
  taskId: string | null;
  actorId: string | null;
  subject: NotificationSubject;
  link: { href: string; label: string };
  detail?: string;
  /** When it happened (the event's time); defaults to now. */
  at?: Date;
};

export type CreatedNotification = {
  userId: string;
  eventId: number | null;
  projectId: string | null;
  actorId: string | null;
  notification: Notification;
};

export function toNotification(row: typeof notifications.$inferSelect): Notification {
  const s = row.subject;
  return {
    id: row.id,
    type: row.type,
    ...(s.task ? { task: s.task } : {}),
    ...(s.project ? { project: s.project } : {}),
    ...(s.workspace ? { workspace: s.workspace } : {}),
    ...(s.actor ? { actor: s.actor } : {}),
    message: s.message,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Writes in-app rows and email jobs for the recipients, as each one's preferences say, inside the
 * caller's transaction. Idempotent: a second call with the same draft creates nothing.
 */
export async function createNotifications(tx: Database, draft: NotificationDraft): Promise<CreatedNotification[]> {
  const userIds = [...new Set(draft.userIds)];
  if (userIds.length === 0) return [];
  const choices: Map<string, ChannelChoice> =
    draft.type === "webhook.disabled"
      ? new Map(userIds.map((id) => [id, { inApp: true, email: true }]))
      : await choicesFor(tx, userIds, draft.type);

  const inApp = userIds.filter((id) => choices.get(id)?.inApp);
  const created = inApp.length
    ? await tx
        .insert(notifications)
        .values(
          inApp.map((userId) => ({
            userId,
            type: draft.type,
            dedupeKey: draft.dedupe,
            eventId: draft.eventId,
            projectId: draft.projectId,
            taskId: draft.taskId,
            actorId: draft.actorId,
            subject: draft.subject,
            ...(draft.at ? { createdAt: draft.at } : {}),
          })),
        )
        .onConflictDoNothing()
        .returning()
    : [];

  const emailTo = userIds.filter((id) => choices.get(id)?.email);
  if (emailTo.length) {
    const people = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, emailTo));
    const mail = notificationEmail({ headline: draft.subject.message, detail: draft.detail, link: draft.link });
    await tx
      .insert(emailJobs)
      .values(
        people.map((p) => ({
          idempotencyKey: `${draft.dedupe}:${p.id}`,
          userId: p.id,
          to: p.email,
          ...mail,
          subject: mail.subject.slice(0, 200),
        })),
      )
      .onConflictDoNothing();
  }
  return created.map((row) => ({
    userId: row.userId,
    eventId: row.eventId,
    projectId: row.projectId,
    actorId: row.actorId,
    notification: toNotification(row),
  }));
}

export async function unreadCountOf(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}
