import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ts } from "./columns";
import { projects } from "./projects";
import { tasks } from "./tasks";
import { users } from "./users";

// Time spent on a task, one row per entry, owned by its author. A running timer is an entry
// without `seconds` (and without `ended_at`); the partial unique index allows one per person.
export const timeEntries = pgTable(
  "time_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    // Copied from the task (tasks never change project) so the project report needs no join to filter.
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // The day the time counts for (the project's local date when a timer started).
    spentOn: date("spent_on", { mode: "string" }).notNull(),
    seconds: integer("seconds"),
    startedAt: ts("started_at"),
    endedAt: ts("ended_at"),
    note: text("note").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("time_entries_one_running_idx")
      .on(t.userId)
      .where(sql`${t.seconds} is null`),
    index("time_entries_task_idx").on(t.taskId, t.spentOn, t.createdAt, t.id),
    index("time_entries_project_idx").on(t.projectId, t.spentOn, t.createdAt, t.id),
    check("time_entries_seconds_check", sql`${t.seconds} is null or ${t.seconds} >= 0`),
    check("time_entries_running_check", sql`(${t.seconds} is null) = (${t.startedAt} is not null and ${t.endedAt} is null)`),
  ],
);
