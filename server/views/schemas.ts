import { z } from "zod";
import { TaskFilters, TaskSort } from "../tasks/filters";

export const groupings = ["status", "category", "assignee", "priority", "label", "dueDate", "parent"] as const;

/** The list query's filter schema, strict: a view can hold nothing the list would refuse. */
const ViewFilters = TaskFilters.strict();
const name = z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters");

export const CreateViewInput = z
  .object({
    name,
    filters: ViewFilters,
    sort: TaskSort.nullable().optional(),
    groupBy: z.enum(groupings).nullable().optional(),
    shared: z.boolean().optional().describe("Visible to everyone who can see the project; default false"),
  })
  .meta({ id: "CreateViewInput" });
export type CreateViewInput = z.infer<typeof CreateViewInput>;

export const UpdateViewInput = z
  .object({
    name: name.optional(),
    filters: ViewFilters.optional(),
    sort: TaskSort.nullable().optional(),
    groupBy: z.enum(groupings).nullable().optional(),
    shared: z.boolean().optional(),
  })
  .refine((o) => Object.values(o).some((v) => v !== undefined), { message: "name at least one field to change", path: [] })
  .meta({ id: "UpdateViewInput" });
export type UpdateViewInput = z.infer<typeof UpdateViewInput>;

export const SavedView = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    name: z.string(),
    filters: z.record(z.string(), z.unknown()).describe("The list endpoint's query keys; multi-value filters as arrays"),
    sort: TaskSort.nullable(),
    groupBy: z.enum(groupings).nullable(),
    shared: z.boolean(),
    owner: z.object({ id: z.uuid() }),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "SavedView" });
export type SavedView = z.infer<typeof SavedView>;
