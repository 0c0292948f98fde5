import { and, inArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { customFields, tasks } from "@/db/schema";
import { ValidationError, type FieldError } from "../errors";
import type { FieldRow } from "./internal";
import { isRealDay } from "./values";

// `cf.<fieldId>=v1,v2` on the task list: any of the values; `none` = no value. Numbers and dates
// also take ranges `a..b` (either end may be left out). Each term is an EXISTS on the field's rows,
// read through the (field_id, typed value) indexes.

export type FieldFilters = Record<string, string[] | undefined>;

/** The fields named by filters or a sort, each one of the projects in scope, or 422 naming it. */
export async function fieldsInScope(db: Database, projectIds: string[], ids: string[], path: (id: string) => string): Promise<FieldRow[]> {
  if (ids.length === 0) return [];
  const lower = ids.map((id) => id.toLowerCase());
  const found = await db
    .select()
    .from(customFields)
    .where(and(inArray(customFields.id, lower), inArray(customFields.projectId, projectIds.length ? projectIds : [lower[0]!])));
  const known = new Set(found.map((f) => f.id));
  const bad = ids.filter((id) => !known.has(id.toLowerCase()));
  if (bad.length)
    throw new ValidationError(bad.map((id) => ({ path: path(id), message: "is not a custom field of the projects in scope" })));
  return found;
}

export async function fieldFilterTerms(
  db: Database,
  projectIds: string[],
  filters: FieldFilters | undefined,
  userId: string,
): Promise<SQL[]> {
  const entries = Object.entries(filters ?? {}).filter((e): e is [string, string[]] => Boolean(e[1]?.length));
  const fields = new Map(
    (
      await fieldsInScope(
        db,
        projectIds,
        entries.map(([id]) => id),
        (id) => `cf.${id}`,
      )
    ).map((f) => [f.id, f]),
  );
  const errors: FieldError[] = [];
  const terms = entries.map(([id, values]) => {
    const field = fields.get(id.toLowerCase())!;
    const rows = (cond: SQL) =>
      sql`exists (select 1 from task_field_values v where v.task_id = ${tasks.id} and v.field_id = ${field.id}::uuid and ${cond})`;
    const any: SQL[] = [];
    if (values.includes("none") || (field.type === "checkbox" && values.includes("false")))
      any.push(sql`not exists (select 1 from task_field_values v where v.task_id = ${tasks.id} and v.field_id = ${field.id}::uuid)`);
    const wanted = values.filter((v) => v !== "none" && !(field.type === "checkbox" && v === "false"));
    const cond = valueCondition(field, wanted, userId, (message) => errors.push({ path: `cf.${id}`, message }));
    if (cond) any.push(rows(cond));
    return any.length === 1 ? any[0]! : sql`(${sql.join(any, sql` or `)})`;
  });
  if (errors.length) throw new ValidationError(errors);
  return terms;
}

function valueCondition(field: FieldRow, values: string[], userId: string, refuse: (message: string) => void): SQL | null {
  if (values.length === 0) return null;
  switch (field.type) {
    case "text":
    case "url":
    case "single_select":
    case "person": {
      const list = values.map((v) =>
        field.type === "person" && v === "me" ? userId : field.type === "text" || field.type === "url" ? v : v.toLowerCase(),
      );
      const prefixes = sql.join(
        list.map((v) => sql`left(${v}::text, 256)`),
        sql`, `,
      );
      return sql`left(v.text_value, 256) in (${prefixes}) and v.text_value in (${sql.join(
        list.map((v) => sql`${v}::text`),
        sql`, `,
      )})`;
    }
    case "multi_select":
      return sql`v.option_ids && array(select jsonb_array_elements_text(${JSON.stringify(values.map((v) => v.toLowerCase()))}::jsonb))`;
    case "checkbox":
      if (values.some((v) => v !== "true")) refuse("must be true, false or none");
      return sql`v.bool_value`;
    case "number":
    case "date":
      return rangeCondition(field.type, values, refuse);
  }
}

function rangeCondition(type: "number" | "date", values: string[], refuse: (message: string) => void): SQL | null {
  const column = type === "number" ? sql`v.number_value` : sql`v.date_value`;
  const ok = (v: string) => (type === "number" ? v.trim() !== "" && Number.isFinite(Number(v)) : isRealDay(v));
  const cast = (v: string) => (type === "number" ? sql`${Number(v)}::float8` : sql`${v}::date`);
  const parts: SQL[] = [];
  for (const value of values) {
    const [from, to, extra] = value.split("..");
    if (to === undefined) {
      if (!ok(value))
        return (refuse(type === "number" ? "must be numbers or ranges a..b" : "must be dates YYYY-MM-DD or ranges a..b"), null);
      parts.push(sql`${column} = ${cast(value)}`);
    } else if (extra !== undefined || (from && !ok(from)) || (to && !ok(to)) || (!from && !to)) {
      return (refuse(`${value} is not a range a..b`), null);
    } else {
      parts.push(
        sql`(${sql.join([...(from ? [sql`${column} >= ${cast(from)}`] : []), ...(to ? [sql`${column} <= ${cast(to)}`] : [])], sql` and `)})`,
      );
    }
  }
  return sql`(${sql.join(parts, sql` or `)})`;
}
