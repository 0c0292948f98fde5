import { index, integer, jsonb, pgTable, text, uuid, date } from "drizzle-orm/pg-core";
import { ts } from "./columns";
import { projects } from "./projects";
import { users } from "./users";

/** What each new occurrence of a series copies: edits "for all future" change it, edits "for this one" do not. */
export type SeriesTemplate = {
  title: string;
  description: string;
  priority: number;
  estimate: number | null;
  assigneeIds: string[];
  labelIds: string[];
  /** Days from the occurrence date to the due / start date; null when the task had none. */
  dueOffset: number | null;
  startOffset: number | null;
};

// A recurring task's series: the RFC 5545 rule (without DTSTART, which is `dtstart`), when the next
// occurrence is made, and the template. Occurrences are tasks with series_id and occurrence_index;
// the unique index on those two makes the creation of an occurrence exactly-once.
export const taskSeries = pgTable(
  "task_series",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    rule: text("rule").notNull(),
    trigger: text("trigger", { enum: ["on_complete", "on_schedule"] }).notNull(),
    dtstart: date("dtstart", { mode: "string" }).notNull(),
    // The occurrence index at dtstart: COUNT counts from there (the rule may change mid-series).
    startIndex: integer("start_index").notNull().default(1),
    template: jsonb("template").notNull().$type<SeriesTemplate>(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("task_series_project_idx").on(t.projectId), index("task_series_trigger_idx").on(t.trigger)],
);
