import { z } from "zod";
import { statusCategories } from "@/db/schema";

export const priorities = ["none", "low", "medium", "high", "urgent"] as const;
export const Priority = z.enum(priorities).meta({ id: "Priority" });
export type Priority = z.infer<typeof Priority>;
export const priorityRank: Record<Priority, number> = { none: 0, low: 1, medium: 2, high: 3, urgent: 4 };
export const priorityOf = (rank: number): Priority => priorities[rank] ?? "none";

export const StatusCategory = z.enum(statusCategories).meta({ id: "StatusCategory" });

const UserRef = z.object({ id: z.uuid(), name: z.string() });

export const Task = z
  .object({
    id: z.uuid(),
    key: z.string(),
    number: z.number().int(),
    projectId: z.uuid(),
    title: z.string(),
    description: z.string(),
    status: z.object({ id: z.uuid(), name: z.string(), category: StatusCategory }),
    priority: Priority,
    assignees: z.array(UserRef),
    labels: z.array(z.object({ id: z.uuid(), name: z.string(), color: z.string() })),
    reporter: UserRef.nullable(),
    dueDate: z.string().nullable(),
    startDate: z.string().nullable(),
    estimate: z.number().nullable(),
    parentId: z.uuid().nullable(),
    position: z.string(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "Task" });
export type Task = z.infer<typeof Task>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
// Only ISO-8601: Date.parse alone takes "1 2 3" for a date and rolls 02-30 over into March.
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const isRealDay = (v: string) => DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** `YYYY-MM-DD`, or an ISO timestamp whose UTC date is kept; years 1000–9999 (what PostgreSQL and the format hold). */
export const CalendarDate = z
  .string()
  .refine((v) => isRealDay(v) || (isRealDay(TIMESTAMP.exec(v)?.[1] ?? "") && !Number.isNaN(Date.parse(v))), "must be a date (YYYY-MM-DD) or an ISO timestamp")
  .transform((v) => (DAY.test(v) ? v : new Date(v).toISOString().slice(0, 10)))
  .refine((v) => DAY.test(v) && v >= "1000-01-01", "must be between the years 1000 and 9999");
