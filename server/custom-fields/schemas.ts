import { z } from "zod";
import { customFieldTypes } from "@/db/schema";

// A project's own fields. Values on tasks are `customFields: { "<fieldId>": value }`, value by type:
// text/url a string, number a number, date YYYY-MM-DD, checkbox true, single_select an option id,
// multi_select option ids, person a user id; null clears.

export const CustomFieldType = z.enum(customFieldTypes).meta({ id: "CustomFieldType" });
export type CustomFieldType = z.infer<typeof CustomFieldType>;
export const selectTypes: readonly CustomFieldType[] = ["single_select", "multi_select"];

const Color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, "must be a colour #rrggbb")
  .transform((c) => c.toLowerCase());
const noNul = (s: string) => !s.includes("\u0000");
const Name = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(50, "must be at most 50 characters")
  .refine(noNul, "must not contain NUL characters");

export const FieldOption = z.object({ id: z.uuid(), name: z.string(), color: z.string() }).meta({ id: "CustomFieldOption" });
export type FieldOption = z.infer<typeof FieldOption>;
const OptionInput = z
  .strictObject({
    id: z.uuid("must be an option id (UUID)").optional().describe("Keep an existing option (its values stay); omit for a new one"),
    name: Name,
    color: Color.optional().describe("Default #6b7280"),
  })
  .meta({ id: "CustomFieldOptionInput" });
const Options = z
  .array(OptionInput)
  .max(100, "at most 100 options")
  .refine((list) => new Set(list.map((o) => o.name.toLowerCase())).size === list.length, "option names must be unique");

export const CustomField = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    name: z.string(),
    type: CustomFieldType,
    position: z.number().int().describe("Order among the project's fields, from 0"),
    options: z.array(FieldOption).describe("The choices of a select field (empty for other types)"),
    required: z.boolean().describe("Every new task must have a value"),
    showOnCard: z.boolean().describe("Shown on board cards"),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "CustomField" });
export type CustomField = z.infer<typeof CustomField>;

export const CreateFieldInput = z
  .strictObject({
    name: Name,
    type: CustomFieldType,
    options: Options.optional().describe("Select types only"),
    required: z.boolean().optional().describe("Default false; a checkbox cannot be required"),
    showOnCard: z.boolean().optional().describe("Default false"),
    position: z.int("must be a whole number").min(0, "must not be negative").max(1000).optional().describe("Default: last"),
  })
  .meta({ id: "CreateCustomFieldInput" });
export type CreateFieldInput = z.infer<typeof CreateFieldInput>;

export const UpdateFieldInput = z
  .strictObject({
    name: Name.optional(),
    type: CustomFieldType.optional().describe(
      "Values that fit the new type are converted; others block the change (422) unless clearInvalid",
    ),
    options: Options.optional().describe("Replaces the list; options named by id keep their values"),
    required: z.boolean().optional(),
    showOnCard: z.boolean().optional(),
    position: z.int("must be a whole number").min(0, "must not be negative").max(1000).optional(),
    clearInvalid: z.boolean().optional().describe("Clear the values a type or option change leaves without a fit, instead of refusing"),
  })
  .refine((o) => Object.entries(o).some(([k, v]) => k !== "clearInvalid" && v !== undefined), {
    message: "name at least one field to change",
    path: [],
  })
  .meta({ id: "UpdateCustomFieldInput" });
export type UpdateFieldInput = z.infer<typeof UpdateFieldInput>;

/** Values of a task, keyed by field id; in input, null clears a value. */
export const TaskCustomFieldsInput = z
  .record(z.string().regex(/^[0-9a-f-]{36}$/i, "must be a custom field id"), z.unknown())
  .meta({ id: "TaskCustomFieldsInput", description: "{ <fieldId>: value or null to clear }, value by the field's type" });
