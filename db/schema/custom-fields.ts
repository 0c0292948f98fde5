import { sql } from "drizzle-orm";
import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ts } from "./columns";
import { projects } from "./projects";
import { tasks } from "./tasks";

export const customFieldTypes = ["text", "number", "single_select", "multi_select", "date", "person", "checkbox", "url"] as const;
export type CustomFieldType = (typeof customFieldTypes)[number];
export type CustomFieldOption = { id: string; name: string; color: string };

/** A field of a project's own: its values live in task_field_values, one row per task that has one. */
export const customFields = pgTable(
  "custom_fields",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    type: text("type", { enum: customFieldTypes }).notNull(),
    position: integer("position").notNull(),
    options: jsonb("options").notNull().$type<CustomFieldOption[]>().default([]),
    required: boolean("required").notNull().default(false),
    showOnCard: boolean("show_on_card").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("custom_fields_project_idx").on(t.projectId, t.position, t.id),
    uniqueIndex("custom_fields_project_name_idx").on(t.projectId, sql`lower(${t.name})`),
  ],
);

/**
 * `value` is the value as the API shows it; the typed columns beside it exist for filters and sorts,
 * each indexed with the field first, so `cf.<fieldId>=…` reads only that field's matching rows.
 * text/url/single select/person use text_value; multi select option_ids.
 */
export const taskFieldValues = pgTable(
  "task_field_values",
  {
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    fieldId: uuid("field_id")
      .notNull()
      .references(() => customFields.id, { onDelete: "cascade" }),
    value: jsonb("value").notNull(),
    textValue: text("text_value"),
    numberValue: doublePrecision("number_value"),
    dateValue: date("date_value", { mode: "string" }),
    boolValue: boolean("bool_value"),
    optionIds: text("option_ids").array(),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.fieldId] }),
    // A prefix, so a long text stays within a btree entry; filters compare the prefix, then the whole.
    index("task_field_values_text_idx").on(t.fieldId, sql`left(${t.textValue}, 256)`),
    index("task_field_values_number_idx").on(t.fieldId, t.numberValue),
    index("task_field_values_date_idx").on(t.fieldId, t.dateValue),
    index("task_field_values_bool_idx").on(t.fieldId, t.boolValue),
    index("task_field_values_options_idx").using("gin", t.optionIds),
  ],
);
