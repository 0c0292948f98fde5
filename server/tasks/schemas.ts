import { generateKeyBetween } from "fractional-indexing";
import { z } from "zod";
import { StatusCategory } from "../projects/schemas";
import { TaskCustomFieldsInput } from "../custom-fields/schemas";

export const priorities = ["none", "low", "medium", "high", "urgent"] as const;
export const Priority = z.enum(priorities).meta({ id: "Priority" });
export type Priority = z.infer<typeof Priority>;
export const priorityRank: Record<Priority, number> = { none: 0, low: 1, medium: 2, high: 3, urgent: 4 };
export const priorityOf = (rank: number): Priority => priorities[rank] ?? "none";

const UserRef = z.object({ id: z.uuid(), name: z.string() });

export const Task = z
  .object({
    id: z.uuid(),
    key: z.string(),
    number: z
      .number()
      .int()
      .meta({ description: "Unique within the project, rising in creation order, never reused; a create that fails may leave a gap" }),
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
    seriesId: z
      .uuid()
      .nullable()
      .optional()
      .describe("The recurring series this task is an occurrence of (GET /tasks/{idOrKey}/recurrence); null when it does not repeat"),
    customFields: z
      .record(z.string(), z.unknown())
      .describe(
        "Custom field values by field id (only the fields that have one): text/url string, number, date YYYY-MM-DD, checkbox true, single select option id, multi select option ids, person user id",
      ),
    cycleId: z.uuid().nullable().describe("The cycle (sprint) the task is planned in, if any"),
  })
  .meta({ id: "Task" });
export type Task = z.infer<typeof Task>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
// Only ISO-8601: Date.parse alone takes "1 2 3" for a date and rolls 02-30 over into March.
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const isRealDay = (v: string) =>
  DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** `YYYY-MM-DD`, or an ISO timestamp whose UTC date is kept; years 1000–9999 (what PostgreSQL and the format hold). */
export const CalendarDate = z
  .string()
  .refine(
    (v) => isRealDay(v) || (isRealDay(TIMESTAMP.exec(v)?.[1] ?? "") && !Number.isNaN(Date.parse(v))),
    "must be a date (YYYY-MM-DD) or an ISO timestamp",
  )
  .transform((v) => (DAY.test(v) ? v : new Date(v).toISOString().slice(0, 10)))
  .refine((v) => DAY.test(v) && v >= "1000-01-01", "must be between the years 1000 and 9999");

// Request bodies and responses of the task lifecycle endpoints.
const Uuid = z.uuid("must be a UUID");
const dedupe = (ids: string[]) => [...new Set(ids.map((id) => id.toLowerCase()))];
// PostgreSQL text cannot hold NUL; refusing it here keeps it a 422 instead of a database error.
const noNul = (s: string) => !s.includes("\u0000");
const NUL_MESSAGE = "must not contain NUL characters";
// PostgreSQL has no year 0; a four-digit year keeps every accepted date storable.
const TaskDate = CalendarDate.refine((v) => /^\d{4}-/.test(v) && v >= "1000-01-01", "must be between the years 1000 and 9999");

/** A fractional-indexing key, as produced by generateKeyBetween (the library refuses malformed ones). */
export const PositionKey = z
  .string()
  .min(1)
  .max(200, "must be at most 200 characters")
  .refine((key) => {
    try {
      generateKeyBetween(key, null);
      return true;
    } catch {
      return false;
    }
  }, "must be a fractional index key, e.g. one computed with generateKeyBetween from the neighbours' positions");

/** Neighbours of the target slot: the task lands after `after` and before `before` (either may be omitted). */
export const PositionBetween = z
  .object({ after: Uuid.nullable().optional(), before: Uuid.nullable().optional() })
  .refine((p) => Boolean(p.after ?? p.before), { message: "name a neighbour: after, before or both", path: [] })
  .meta({ id: "PositionBetween" });

const TaskFields = {
  title: z.string().trim().min(1, "must not be empty").max(500, "must be at most 500 characters").refine(noNul, NUL_MESSAGE),
  description: z.string().max(50_000, "must be at most 50000 characters").refine(noNul, NUL_MESSAGE),
  statusId: Uuid,
  priority: Priority,
  assigneeIds: z.array(Uuid).max(20, "at most 20 assignees").transform(dedupe),
  labelIds: z.array(Uuid).max(50, "at most 50 labels").transform(dedupe),
  dueDate: TaskDate.nullable(),
  startDate: TaskDate.nullable(),
  estimate: z.number().min(0, "must not be negative").max(1_000_000, "must be at most 1000000").nullable(),
  parentId: Uuid.nullable(),
  cycleId: Uuid.nullable().describe("A cycle of the task's project that has not been completed; null takes the task out of its cycle"),
};

export const CreateTaskInput = z
  .object({
    title: TaskFields.title,
    description: TaskFields.description.optional(),
    statusId: TaskFields.statusId.optional(),
    priority: TaskFields.priority.optional(),
    assigneeIds: TaskFields.assigneeIds.optional(),
    labelIds: TaskFields.labelIds.optional(),
    dueDate: TaskFields.dueDate.optional(),
    startDate: TaskFields.startDate.optional(),
    estimate: TaskFields.estimate.optional(),
    parentId: TaskFields.parentId.optional(),
    customFields: TaskCustomFieldsInput.optional(),
    cycleId: TaskFields.cycleId.optional(),
  })
  .meta({ id: "CreateTaskInput" });
export type CreateTaskInput = z.infer<typeof CreateTaskInput>;

export const UpdateTaskInput = z
  .object({
    title: TaskFields.title.optional(),
    description: TaskFields.description.optional(),
    statusId: TaskFields.statusId.optional(),
    priority: TaskFields.priority.optional(),
    assigneeIds: TaskFields.assigneeIds.optional(),
    labelIds: TaskFields.labelIds.optional(),
    dueDate: TaskFields.dueDate.optional(),
    startDate: TaskFields.startDate.optional(),
    estimate: TaskFields.estimate.optional(),
    parentId: TaskFields.parentId.optional(),
    customFields: TaskCustomFieldsInput.optional(),
    cycleId: TaskFields.cycleId.optional(),
    position: z
      .union([PositionKey, PositionBetween])
      .optional()
      .describe(
        "A fractional index key computed between the neighbours' positions, or { after, before } neighbour task ids for the server to compute it",
      ),
  })
  .refine((o) => Object.values(o).some((v) => v !== undefined), { message: "name at least one field to change", path: [] })
  .meta({ id: "UpdateTaskInput" });
export type UpdateTaskInput = z.infer<typeof UpdateTaskInput>;

export const TaskRefQuery = z.object({
  workspace: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/, "must be a workspace slug")
    .optional()
    .describe("Workspace slug; narrows a key like ENG-42 when it exists in several of your workspaces"),
});

export const AddDependencyInput = z
  .object({ blockedBy: z.string().trim().min(1, "must be a task id or key").max(100) })
  .meta({ id: "AddDependencyInput" });
export type AddDependencyInput = z.infer<typeof AddDependencyInput>;

export const Dependencies = z.object({ blockedBy: z.array(Task), blocking: z.array(Task) }).meta({ id: "TaskDependencies" });
export type Dependencies = z.infer<typeof Dependencies>;

export const Watcher = z.object({ id: z.uuid(), name: z.string() }).meta({ id: "Watcher" });
export type Watcher = z.infer<typeof Watcher>;

export const ActivityEntry = z
  .object({
    id: z.uuid().describe("Rises with time; stable order"),
    actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    type: z.string().describe("created (field status, to: the initial status id) or updated (one entry per changed field)"),
    field: z.string().optional(),
    from: z.unknown().optional(),
    to: z.unknown().optional(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "ActivityEntry" });
export type ActivityEntry = z.infer<typeof ActivityEntry>;
