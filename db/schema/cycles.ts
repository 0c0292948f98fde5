import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ts } from "./columns";
import { projects } from "./projects";
import { users } from "./users";

// A cycle (sprint): whole local days startDate..endDate (inclusive) in the project's time zone. Cycles of
// one project never overlap: every write checks that under the project's row lock (server/cycles/lock.ts).
export const cycles = pgTable(
  "cycles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    name: text("name").notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }).notNull(),
    /** Made by the scheduler from the project's settings, not by hand. */
    automatic: boolean("automatic").notNull().default(false),
    completedAt: ts("completed_at"),
    /** Frozen at completion, so a finished cycle keeps its numbers whatever happens to its tasks later. */
    report: jsonb("report").$type<Record<string, unknown>>(),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("cycles_project_number_idx").on(t.projectId, t.number),
    uniqueIndex("cycles_project_start_idx").on(t.projectId, t.startDate),
    // The scheduler's scan for cycles that ended and are not yet closed.
    index("cycles_open_end_idx")
      .on(t.endDate)
      .where(sql`${t.completedAt} is null`),
    check("cycles_dates_check", sql`${t.endDate} >= ${t.startDate}`),
  ],
);
