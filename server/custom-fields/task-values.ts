import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { taskFieldValues } from "@/db/schema";
import { ValidationError, type FieldError } from "../errors";
import { storedValue } from "./stored-value";
import { projectFields, type FieldRow } from "./internal";
import { expected, normalise, sameValue, storedColumns, type FieldValue } from "./values";

// Custom field values as the task verbs read and write them.

export type ValueChange = { fieldId: string; from: FieldValue | null; to: FieldValue | null };
export type CheckedValues = { fields: Map<string, FieldRow>; next: Map<string, FieldValue | null> };

/**
 * Checks `input` ({ fieldId: value | null }) against the project's fields; on create, every required
 * field needs a value. Each refusal names the field by path and by name.
 */
export async function checkFieldValues(
  db: Database,
  projectId: string,
  input: Record<string, unknown> | undefined,
  opts: { creating: boolean },
): Promise<CheckedValues> {
  const fields = new Map((await projectFields(db, projectId)).map((f) => [f.id, f]));
  const next = new Map<string, FieldValue | null>();
  const errors: FieldError[] = [];
  for (const [rawId, raw] of Object.entries(input ?? {})) {
    const id = rawId.toLowerCase();
    const field = fields.get(id);
    if (!field) {
      errors.push({ path: `customFields.${rawId}`, message: "is not a custom field of this project" });
      continue;
    }
    const value = normalise(field, raw);
    if (value === undefined) errors.push({ path: `customFields.${rawId}`, message: `${field.name}: ${expected[field.type]}` });
    else if (value === null && field.required) errors.push({ path: `customFields.${rawId}`, message: `${field.name} is required` });
    else next.set(id, value);
  }
  if (opts.creating) {
    for (const field of fields.values())
      if (field.required && !next.has(field.id)) errors.push({ path: `customFields.${field.id}`, message: `${field.name} is required` });
  }
  if (errors.length) throw new ValidationError(errors);
  return { fields, next };
}

/** { taskId → { fieldId → value } } for these tasks. */
export async function loadFieldValues(db: Database, taskIds: string[]): Promise<Map<string, Record<string, FieldValue>>> {
  const out = new Map<string, Record<string, FieldValue>>();
  if (taskIds.length === 0) return out;
  const rows = await db
    .select({ taskId: taskFieldValues.taskId, fieldId: taskFieldValues.fieldId, value: storedValue })
    .from(taskFieldValues)
    .where(inArray(taskFieldValues.taskId, taskIds));
  for (const r of rows) out.set(r.taskId, { ...(out.get(r.taskId) ?? {}), [r.fieldId]: JSON.parse(r.value) as FieldValue });
  return out;
}

/** The values that really change, in the fields' order. */
export function diffFieldValues(checked: CheckedValues, current: Record<string, FieldValue>): ValueChange[] {
  const changes: ValueChange[] = [];
  for (const field of checked.fields.values()) {
    if (!checked.next.has(field.id)) continue;
    const to = checked.next.get(field.id)!;
    const from = current[field.id] ?? null;
    if (!sameValue(from, to)) changes.push({ fieldId: field.id, from, to });
  }
  return changes;
}

/** Writes the changes of one task inside the caller's transaction. */
export async function writeFieldValues(tx: Database, taskId: string, checked: CheckedValues, changes: ValueChange[]): Promise<void> {
  for (const c of changes) {
    if (c.to === null) {
      await tx.delete(taskFieldValues).where(and(eq(taskFieldValues.taskId, taskId), eq(taskFieldValues.fieldId, c.fieldId)));
      continue;
    }
    const stored = storedColumns(checked.fields.get(c.fieldId)!.type, c.to);
    await tx
      .insert(taskFieldValues)
      .values({ taskId, fieldId: c.fieldId, ...stored })
      .onConflictDoUpdate({ target: [taskFieldValues.taskId, taskFieldValues.fieldId], set: { ...stored } });
  }
}

/** Rows for a multi-row insert (create, import): one per set value. */
export function insertRowsOf(checked: CheckedValues): { fieldId: string; columns: ReturnType<typeof storedColumns> }[] {
  return [...checked.next.entries()].flatMap(([fieldId, value]) =>
    value === null ? [] : [{ fieldId, columns: storedColumns(checked.fields.get(fieldId)!.type, value) }],
  );
}

/** The person ids among the values, for the caller to check who can see the project. */
export function personValues(checked: CheckedValues): { fieldId: string; userId: string }[] {
  return [...checked.next.entries()].flatMap(([fieldId, v]) =>
    checked.fields.get(fieldId)?.type === "person" && typeof v === "string" ? [{ fieldId, userId: v }] : [],
  );
}

export const fieldValueJson = (taskAlias: string) =>
  sql.raw(`coalesce((select json_object_agg(v.field_id, v.value) from task_field_values v where v.task_id = ${taskAlias}.id), '{}'::json)`);
