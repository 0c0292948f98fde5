import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { orderKey, ts } from "./columns";
import { users } from "./users";
import { workspaces } from "./workspaces";

export const projectRoles = ["admin", "member", "viewer"] as const;
export const statusCategories = ["backlog", "unstarted", "started", "completed", "canceled"] as const;
export type StatusCategory = (typeof statusCategories)[number];

export const projects = pgTable(
  "projects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    visibility: text("visibility", { enum: ["workspace", "private"] })
      .notNull()
      .default("workspace"),
    timezone: text("timezone").notNull().default("UTC"),
    // Task numbers: incremented under the row lock, so they are gapless and unique.
    nextTaskNumber: integer("next_task_number").notNull().default(1),
    // Taken (row lock) by every write that records an event, so event ids rise in commit order per project.
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    archivedAt: ts("archived_at"),
    /** Cycles (sprints): { enabled, lengthWeeks, startDay, carryOver }; null = never turned on. */
    cycleSettings: jsonb("cycle_settings").$type<{
      enabled: boolean;
      lengthWeeks: number;
      startDay: "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday";
      carryOver: boolean;
    }>(),
  },
  (t) => [
    uniqueIndex("projects_workspace_key_idx").on(t.workspaceId, t.key),
    index("projects_workspace_name_idx").on(t.workspaceId, t.name, t.id),
  ],
);

export const projectMembers = pgTable(
  "project_members",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: projectRoles }).notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index("project_members_user_idx").on(t.userId)],
);

export const statuses = pgTable(
  "statuses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    category: text("category", { enum: statusCategories }).notNull(),
    color: text("color").notNull().default("#6b7280"),
    position: orderKey("position").notNull(),
    isDefault: boolean("is_default").notNull().default(false),
    /** Work-in-progress limit: the board marks the column when it holds more tasks; null = no limit. */
    wipLimit: integer("wip_limit"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("statuses_project_idx").on(t.projectId, t.position),
    uniqueIndex("statuses_project_name_idx").on(t.projectId, sql`lower(${t.name})`),
  ],
);

export const labels = pgTable(
  "labels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    color: text("color").notNull().default("#6b7280"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("labels_project_name_idx").on(t.projectId, sql`lower(${t.name})`)],
);
