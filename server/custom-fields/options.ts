import { randomUUID } from "node:crypto";
import type { CustomFieldOption } from "@/db/schema";
import { fieldError } from "../errors";
import { selectTypes, type CreateFieldInput, type CustomFieldType } from "./schemas";

const DEFAULT_COLOR = "#6b7280";

/** The options to store: kept ids stay (they must be the field's own), new ones get an id. */
export function resolveOptions(
  type: CustomFieldType,
  input: CreateFieldInput["options"] | undefined,
  current: CustomFieldOption[],
): CustomFieldOption[] {
  if (!selectTypes.includes(type)) {
    if (input?.length) throw fieldError("options", "only select fields have options");
    return [];
  }
  if (input === undefined) return current;
  const known = new Map(current.map((o) => [o.id, o]));
  return input.map((o, i) => {
    if (o.id && !known.has(o.id.toLowerCase())) throw fieldError(`options.${i}.id`, "is not an option of this field");
    return {
      id: o.id?.toLowerCase() ?? randomUUID(),
      name: o.name,
      color: o.color ?? known.get(o.id?.toLowerCase() ?? "")?.color ?? DEFAULT_COLOR,
    };
  });
}

export function checkRequired(type: CustomFieldType, required: boolean): void {
  if (required && type === "checkbox") throw fieldError("required", "a checkbox cannot be required (unchecked is a value)");
}
