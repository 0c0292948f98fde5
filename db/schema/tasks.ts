import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { orderKey, ts, tsvector } from "./columns";
import { labels, projects, statuses } from "./projects";
import { cycles } from "./cycles";
import { users } from "./users";
import { taskSeries } from "./recurrence";

// priority: 0 none, 1 low, 2 medium, 3 high, 4 urgent (a number, so "urgent first" is an index scan).
export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    // Comment bodies, kept in step by the comment verbs, so one generated tsvector covers all three.
    commentsText: text("comments_text").notNull().default(""),
    /** The task's text and URL custom field values, kept by a trigger on task_field_values (0012) for search. */
    fieldsText: text("fields_text").notNull().default(""),
    statusId: uuid("status_id")
      .notNull()
      .references(() => statuses.id),
    priority: smallint("priority").notNull().default(0),
    reporterId: uuid("reporter_id").references(() => users.id, { onDelete: "set null" }),
    dueDate: date("due_date", { mode: "string" }),
    startDate: date("start_date", { mode: "string" }),
    estimate: doublePrecision("estimate"),
    parentId: uuid("parent_id").references((): AnyPgColumn => tasks.id, { onDelete: "set null" }),
    position: orderKey("position").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    completedAt: ts("completed_at"),
    // Soft delete: a deleted task is out of every read and sits in the project's trash for 30 days
    // (server/tasks/purge-trash.ts removes it for good after that).
    deletedAt: ts("deleted_at"),
    deletedBy: uuid("deleted_by").references(() => users.id, { onDelete: "set null" }),
    /** The cycle (sprint) the task is planned in; at most one. */
    cycleId: uuid("cycle_id").references(() => cycles.id, { onDelete: "set null" }),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B') || setweight(to_tsvector('english', coalesce(comments_text, '')), 'C') || setweight(to_tsvector('english', coalesce(fields_text, '')), 'D')`,
    ),
    // The title alone: small, so checking it row by row costs little, and its own statistics tell the
    // planner how common a word is in titles (search relevance ranks title matches first).
    titleVector: tsvector("title_vector").generatedAlwaysAs(sql`to_tsvector('english', coalesce(title, ''))`),
    // Recurring tasks (server/recurrence): the series, this occurrence's number in it (1 = first) and date.
    seriesId: uuid("series_id").references(() => taskSeries.id, { onDelete: "set null" }),
    occurrenceIndex: integer("occurrence_index"),
    occurrenceDate: date("occurrence_date", { mode: "string" }),
  },
  (t) => [
    uniqueIndex("tasks_project_number_idx").on(t.projectId, t.number),
    index("tasks_project_status_position_idx").on(t.projectId, t.statusId, t.position),
    index("tasks_project_position_idx").on(t.projectId, t.position, t.id),
    index("tasks_project_created_idx").on(t.projectId, t.createdAt, t.id),
    index("tasks_project_updated_idx").on(t.projectId, t.updatedAt, t.id),
    index("tasks_project_priority_idx").on(t.projectId, t.priority, t.id),
    index("tasks_project_due_idx").on(t.projectId, t.dueDate, t.id),
    index("tasks_project_completed_idx").on(t.projectId, t.completedAt),
    index("tasks_parent_idx").on(t.parentId),
    index("tasks_search_idx").using("gin", t.searchVector),
    // Relevance tiers (server/tasks/search.ts): title matches through GIN, and newest first across projects.
    index("tasks_title_search_idx").using("gin", t.titleVector),
    index("tasks_created_idx").on(t.createdAt, t.id),
    // The trash (newest deletion first) and the purge job; partial, so live tasks cost nothing.
    index("tasks_trash_idx")
      .on(t.projectId, t.deletedAt, t.id)
      .where(sql`${t.deletedAt} is not null`),
    index("tasks_project_cycle_idx")
      .on(t.projectId, t.cycleId)
      .where(sql`${t.cycleId} is not null`),
    index("tasks_deleted_at_idx")
      .on(t.deletedAt)
      .where(sql`${t.deletedAt} is not null`),
    uniqueIndex("tasks_series_occurrence_idx").on(t.seriesId, t.occurrenceIndex),
  ],
);

export const taskAssignees = pgTable(
  "task_assignees",
  {
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.userId] }), index("task_assignees_user_idx").on(t.userId, t.taskId)],
);

export const taskLabels = pgTable(
  "task_labels",
  {
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    labelId: uuid("label_id")
      .notNull()
      .references(() => labels.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.labelId] }), index("task_labels_label_idx").on(t.labelId, t.taskId)],
);

export const taskWatchers = pgTable(
  "task_watchers",
  {
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.userId] }), index("task_watchers_user_idx").on(t.userId)],
);

// taskId is blocked by blockedById.
export const taskDependencies = pgTable(
  "task_dependencies",
  {
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    blockedById: uuid("blocked_by_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.blockedById] }), index("task_dependencies_blocker_idx").on(t.blockedById)],
);

export const comments = pgTable(
  "comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("comments_task_idx").on(t.taskId, t.createdAt, t.id)],
);

// One row per changed field: the audit trail, and the status history analytics rebuilds flow from.
export const activity = pgTable(
  "activity",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    type: text("type").notNull(),
    field: text("field"),
    fromValue: jsonb("from_value"),
    toValue: jsonb("to_value"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("activity_task_idx").on(t.taskId, t.id), index("activity_project_field_idx").on(t.projectId, t.field, t.createdAt)],
);

export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    uploaderId: uuid("uploader_id").references(() => users.id, { onDelete: "set null" }),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    storageKey: text("storage_key").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("attachments_task_idx").on(t.taskId, t.createdAt, t.id)],
);

export const savedViews = pgTable(
  "saved_views",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    filters: jsonb("filters").notNull().$type<Record<string, unknown>>(),
    sort: text("sort"),
    groupBy: text("group_by"),
    shared: boolean("shared").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("saved_views_project_idx").on(t.projectId, t.createdAt, t.id)],
);
