import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { activity, taskFieldValues } from "@/db/schema";
import { ValidationError } from "../errors";
import { storedValue } from "./stored-value";
import { convertValue } from "./convert";
import type { FieldRow } from "./internal";
import { sameValue, storedColumns, type FieldShape, type FieldValue } from "./values";

type Plan = { converted: { taskId: string; from: FieldValue; to: FieldValue }[]; misfits: { taskId: string; from: FieldValue }[] };

/** Every stored value of the field, carried over to its new type and options. */
export async function planMigration(db: Database, field: FieldRow, to: FieldShape): Promise<Plan> {
  const rows = await db
    .select({ taskId: taskFieldValues.taskId, value: storedValue })
    .from(taskFieldValues)
    .where(eq(taskFieldValues.fieldId, field.id));
  const plan: Plan = { converted: [], misfits: [] };
  for (const r of rows) {
    const from = JSON.parse(r.value) as FieldValue;
    const next = convertValue(field, to, from);
    if (next === undefined) plan.misfits.push({ taskId: r.taskId, from });
    else if (!sameValue(next, from) || field.type !== to.type) plan.converted.push({ taskId: r.taskId, from, to: next });
  }
  return plan;
}

/** 422 naming how many tasks block the change, unless asked to clear their values. */
export function refuseMisfits(plan: Plan, path: "type" | "options", clearInvalid: boolean): void {
  const n = plan.misfits.length;
  if (n === 0 || clearInvalid) return;
  const message = `${n} task${n === 1 ? " has a value" : "s have values"} that do not fit; send clearInvalid: true to clear them`;
  throw new ValidationError([{ path, message }], `The change would leave ${n} task${n === 1 ? "" : "s"} with a value that does not fit`);
}

/** Rewrites the converted values, deletes the misfits, and records old → new on each task touched. */
export async function applyMigration(
  tx: Database,
  args: { field: FieldRow; to: FieldShape; plan: Plan; actorId: string; at: Date },
): Promise<void> {
  const { field, plan } = args;
  const rows = plan.converted.map((c) => {
    const s = storedColumns(args.to.type, c.to);
    return {
      task_id: c.taskId,
      value: s.value,
      text_value: s.textValue,
      number_value: s.numberValue,
      date_value: s.dateValue,
      bool_value: s.boolValue,
      option_ids: s.optionIds,
    };
  });
  for (let i = 0; i < rows.length; i += 1000) {
    await tx.execute(sql`
      update task_field_values v set value = x.value, text_value = x.text_value, number_value = x.number_value,
        date_value = x.date_value, bool_value = x.bool_value, option_ids = x.option_ids
      from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 1000))}::jsonb)
        as x(task_id uuid, value jsonb, text_value text, number_value float8, date_value date, bool_value boolean, option_ids text[])
      where v.field_id = ${field.id}::uuid and v.task_id = x.task_id`);
  }
  const misfitIds = plan.misfits.map((m) => m.taskId);
  for (let i = 0; i < misfitIds.length; i += 1000) {
    await tx.execute(sql`
      delete from task_field_values where field_id = ${field.id}::uuid
        and task_id in (select x::uuid from jsonb_array_elements_text(${JSON.stringify(misfitIds.slice(i, i + 1000))}::jsonb) x)`);
  }
  const changes = [
    ...plan.converted.map((c) => ({ taskId: c.taskId, from: c.from, to: c.to as FieldValue | null })),
    ...plan.misfits.map((m) => ({ taskId: m.taskId, from: m.from, to: null })),
  ];
  for (let i = 0; i < changes.length; i += 1000) {
    const chunk = changes.slice(i, i + 1000);
    await tx.insert(activity).values(
      chunk.map((c) => ({
        taskId: c.taskId,
        projectId: field.projectId,
        actorId: args.actorId,
        type: "updated",
        field: `customFields.${field.id}`,
        fromValue: c.from,
        toValue: c.to,
        createdAt: args.at,
      })),
    );
    // Their JSON changed: a new version, so a client holding the old one gets 412.
    await tx.execute(sql`
      update tasks set version = version + 1, updated_at = ${args.at.toISOString()}::timestamptz
      where id in (select x::uuid from jsonb_array_elements_text(${JSON.stringify(chunk.map((c) => c.taskId))}::jsonb) x)`);
  }
}
