import { integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { ts } from "./columns";

// Responses kept for Idempotency-Key retries (24 h), per caller.
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    callerKey: text("caller_key").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status"),
    body: jsonb("body"),
    headers: jsonb("headers").$type<Record<string, string>>(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.callerKey, t.key] })],
);

// The embedded default's mailbox: what would have been emailed, viewable in the UI.
export const mailboxMessages = pgTable("mailbox_messages", {
  id: uuid("id").primaryKey().defaultRandom(),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  html: text("html").notNull(),
  text: text("text").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
});
