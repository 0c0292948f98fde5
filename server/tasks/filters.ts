import { z } from "zod";
import { statusCategories } from "@/db/schema";
import { PageQuery } from "../pagination";
import { CalendarDate, priorities } from "./schemas";

// The task list's query: the same schema validates `?status=a,b` on the wire and the `filters`
// object of a saved view (`{ "status": ["a"] }`), so a view can hold nothing a list would refuse.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Comma-separated on the wire, an array in a view; empty means "no filter". */
function anyOf<T extends z.ZodType>(item: T, description: string) {
  return z
    .preprocess((v) => {
      const list = typeof v === "string" ? v.split(",") : v;
      if (!Array.isArray(list)) return list;
      const cleaned = [...new Set(list.map((s: unknown) => (typeof s === "string" ? s.trim() : s)).filter((s) => s !== ""))];
      return cleaned.length ? cleaned : undefined;
    }, z.array(item).max(50, "at most 50 values").optional())
    .meta({ description: `${description}; comma-separated, matches any of them`, type: "string" } as Record<string, unknown>);
}

const Uuid = z
  .string()
  .regex(UUID, "must be a UUID")
  .transform((v) => v.toLowerCase());

export const sorts = ["relevance", "position", "created", "-created", "updated", "-updated", "priority", "due"] as const;
export const TaskSort = z
  .union([
    z.enum(sorts),
    z
      .string()
      .regex(/^-?cf\.[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, "must be a sort name or cf.<fieldId>"),
  ])
  .meta({ id: "TaskSort", description: "A sort name, or cf.<fieldId> / -cf.<fieldId> for a custom field (empty values last)" });
export type TaskSort = z.infer<typeof TaskSort>;

export const taskFilterShape = {
  q: z
    .string()
    .trim()
    .max(200, "must be at most 200 characters")
    .optional()
    .transform((v) => (v ? v : undefined))
    .meta({
      description:
        'Full text over title, description and comments: "quoted phrases", -excluded words; the last word also matches as a prefix; a task key (ENG-4) finds that task',
    }),
  status: anyOf(Uuid, "Status ids"),
  category: anyOf(z.enum(statusCategories), "Status categories (backlog, unstarted, started, completed, canceled)"),
  assignee: anyOf(
    z
      .string()
      .refine((v) => v === "me" || v === "none" || UUID.test(v), "must be me, none or a user id")
      .transform((v) => v.toLowerCase()),
    "me, none (unassigned) or user ids",
  ),
  cf: z
    .record(
      z.string().regex(UUID, "must be a custom field id"),
      anyOf(z.string().min(1).max(200, "must be at most 200 characters"), "Values"),
    )
    .optional()
    .meta({
      description:
        "Custom field filters, written cf.<fieldId>=v1,v2 (any of): option ids, user ids or me, exact text, true/false, numbers or dates with ranges a..b; none = no value",
    }),
  label: anyOf(Uuid, "Label ids"),
  priority: anyOf(z.enum(priorities), "Priorities (none, low, medium, high, urgent)"),
  dueBefore: CalendarDate.optional().meta({ description: "Due on or before this date (YYYY-MM-DD)" }),
  dueAfter: CalendarDate.optional().meta({ description: "Due on or after this date (YYYY-MM-DD)" }),
  parentId: z
    .string()
    .refine((v) => v === "none" || UUID.test(v), "must be a task id or none")
    .transform((v) => v.toLowerCase())
    .optional()
    .meta({ description: "Subtasks of this task, or none for top-level tasks" }),
  cycle: anyOf(
    z
      .string()
      .refine((v) => ["current", "next", "none"].includes(v) || UUID.test(v), "must be current, next, none or a cycle id")
      .transform((v) => v.toLowerCase()),
    "Cycles: current (the cycle holding today in the project's time zone), next (the first one after it), none (in no cycle) or cycle ids",
  ),
};

/** The filters alone: what a saved view stores (unknown keys refused there). */
export const TaskFilters = z.object(taskFilterShape).meta({ id: "TaskFilters" });
export type TaskFilters = z.infer<typeof TaskFilters>;

export const TaskListQuery = z
  .object({
    ...taskFilterShape,
    sort: TaskSort.optional().meta({ description: "Default: relevance when q is given, else position" }),
    ...PageQuery.shape,
  })
  .meta({ id: "TaskListQuery" });
export type TaskListQuery = z.infer<typeof TaskListQuery>;
export type TaskListInput = z.input<typeof TaskListQuery>;

/** relevance without q has nothing to rank by: it falls back to board order. */
export function effectiveSort(query: { q?: string; sort?: TaskSort }): TaskSort {
  if (!query.sort) return query.q ? "relevance" : "position";
  return query.sort === "relevance" && !query.q ? "position" : query.sort;
}
