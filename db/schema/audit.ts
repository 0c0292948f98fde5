import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { ts } from "./columns";
import { users } from "./users";
import { workspaces } from "./workspaces";

// Security-relevant changes per workspace, written in the transaction of the change (server/audit).
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    // Null for the system (e.g. a webhook disabled after failures) or an account since deleted.
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    type: text("type").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    data: jsonb("data")
      .notNull()
      .default(sql`'{}'::jsonb`),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  // One index per filter the API offers, each ending in the keyset order (newest first).
  (t) => [
    index("audit_log_workspace_idx").on(t.workspaceId, t.createdAt.desc(), t.id.desc()),
    index("audit_log_actor_idx").on(t.workspaceId, t.actorId, t.createdAt.desc(), t.id.desc()),
    index("audit_log_type_idx").on(t.workspaceId, t.type, t.createdAt.desc(), t.id.desc()),
  ],
);

// Devices (a user agent + address pair, hashed) a user has signed in from: a new one is audited.
export const userDevices = pgTable(
  "user_devices",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    deviceHash: text("device_hash").notNull(),
    firstSeenAt: ts("first_seen_at").notNull().defaultNow(),
    lastSeenAt: ts("last_seen_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.deviceHash] })],
);
