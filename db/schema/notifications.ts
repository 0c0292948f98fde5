import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ts } from "./columns";
import { projects } from "./projects";
import { users } from "./users";
import { invitations, workspaces } from "./workspaces";

// How far each outbox consumer (realtime, notifications, webhooks) got in each project.
// A dispatcher holds the row lock (FOR UPDATE SKIP LOCKED) while it delivers, so one
// project's events are never delivered by two dispatchers at once, and always in order.
export const eventCursors = pgTable(
  "event_cursors",
  {
    consumer: text("consumer").notNull(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    lastEventId: bigint("last_event_id", { mode: "number" }).notNull().default(0),
    attempts: integer("attempts").notNull().default(0),
    retryAt: ts("retry_at"),
    lastError: text("last_error"),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.consumer, t.projectId] })],
);

export type NotificationSubject = {
  task?: { id: string; key: string; title: string };
  project?: { id: string; key: string; name: string };
  workspace?: { id: string; slug: string };
  actor?: { id: string; name: string };
  message: string;
};

// The in-app inbox. dedupeKey makes every producer idempotent (event id, or task + due date).
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    eventId: bigint("event_id", { mode: "number" }),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "cascade" }),
    taskId: uuid("task_id"),
    actorId: uuid("actor_id"),
    subject: jsonb("subject").notNull().$type<NotificationSubject>(),
    readAt: ts("read_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("notifications_user_dedupe_idx").on(t.userId, t.dedupeKey),
    index("notifications_user_created_idx").on(t.userId, t.createdAt, t.id),
    index("notifications_user_unread_idx")
      .on(t.userId, t.createdAt, t.id)
      .where(sql`read_at is null`),
  ],
);

// Only the choices a user changed; the defaults live in code.
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    inApp: boolean("in_app").notNull(),
    email: boolean("email").notNull(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.type] })],
);

// Outgoing email, written in the same transaction as the notification; a worker sends it with retries.
export const emailJobs = pgTable(
  "email_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    idempotencyKey: text("idempotency_key").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at").notNull().defaultNow(),
    lockedUntil: ts("locked_until"),
    sentAt: ts("sent_at"),
    failedAt: ts("failed_at"),
    lastError: text("last_error"),
    providerId: text("provider_id"),
    createdAt: ts("created_at").notNull().defaultNow(),
    // The invitation this email carries (its delivery status is shown to the inviter); the newest job wins.
    invitationId: uuid("invitation_id").references(() => invitations.id, { onDelete: "cascade" }),
    lastAttemptAt: ts("last_attempt_at"),
  },
  (t) => [
    uniqueIndex("email_jobs_idempotency_idx").on(t.idempotencyKey),
    index("email_jobs_invitation_idx").on(t.invitationId, t.createdAt),
    index("email_jobs_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`sent_at is null and failed_at is null`),
  ],
);

export const webhooks = pgTable(
  "webhooks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    events: jsonb("events").notNull().$type<string[]>(),
    secret: text("secret").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    disabledAt: ts("disabled_at"),
    disabledReason: text("disabled_reason"),
  },
  (t) => [index("webhooks_workspace_idx").on(t.workspaceId, t.createdAt, t.id)],
);

// One row per (webhook, event): the delivery log, and the queue its worker drains in event order.
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    webhookId: uuid("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    eventId: bigint("event_id", { mode: "number" }).notNull(),
    eventType: text("event_type").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: ["pending", "succeeded", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at").notNull().defaultNow(),
    lockedUntil: ts("locked_until"),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    createdAt: ts("created_at").notNull().defaultNow(),
    completedAt: ts("completed_at"),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_event_idx").on(t.webhookId, t.eventId),
    index("webhook_deliveries_log_idx").on(t.webhookId, t.createdAt, t.id),
    index("webhook_deliveries_pending_idx")
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
  ],
);
