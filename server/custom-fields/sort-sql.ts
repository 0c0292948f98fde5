import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { tasks } from "@/db/schema";
import { fieldsInScope } from "./filters-sql";
import type { FieldRow } from "./internal";

// sort=cf.<fieldId> (ascending) or -cf.<fieldId>: tasks without a value last either way, then by id.
// Selects sort by their options' order, people by name, a multi select by its first option.

export const FIELD_SORT = /^-?cf\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isFieldSort = (sort: string) => FIELD_SORT.test(sort);

export type FieldSort = {
  expr: SQL;
  orderBy: () => SQL[];
  after: (key: unknown[]) => SQL;
  key: z.ZodType<unknown[], unknown[]>;
};

function valueExpr(field: FieldRow): { expr: SQL; cast: string; key: z.ZodType } {
  const one = (column: string) =>
    sql.raw(`(select v.${column} from task_field_values v where v.task_id = tasks.id and v.field_id = '${field.id}'::uuid)`);
  const ids = field.options.map((o) => o.id);
  const order = sql.raw(`array[${ids.map((id) => `'${id}'`).join(",") || "''"}]::text[]`);
  switch (field.type) {
    case "number":
      return { expr: one("number_value"), cast: "float8", key: z.number() };
    case "date":
      // As ISO text: sorts like the date, and reads back as a string whatever the driver does with dates.
      return { expr: sql`${one("date_value")}::text`, cast: "text", key: z.iso.date() };
    case "checkbox":
      return { expr: one("bool_value"), cast: "boolean", key: z.boolean() };
    case "single_select":
      return { expr: sql`array_position(${order}, ${one("text_value")})`, cast: "int", key: z.number().int() };
    case "multi_select":
      return {
        expr: sql`(select min(array_position(${order}, o)) from unnest(${one("option_ids")}) o)`,
        cast: "int",
        key: z.number().int(),
      };
    case "person":
      return { expr: sql`(select u.name from users u where u.id::text = ${one("text_value")})`, cast: "text", key: z.string().max(1000) };
    default:
      return { expr: sql`left(${one("text_value")}, 256)`, cast: "text", key: z.string().max(1000) };
  }
}

export async function fieldSortOf(db: Database, projectIds: string[], sort: string): Promise<FieldSort> {
  const desc = sort.startsWith("-");
  const id = sort.slice(desc ? 4 : 3);
  const [field] = await fieldsInScope(db, projectIds, [id], () => "sort");
  const { expr, cast, key } = valueExpr(field!);
  const op = sql.raw(desc ? "<" : ">");
  const dir = sql.raw(desc ? "desc" : "asc");
  return {
    expr,
    orderBy: () => [sql`${expr} ${dir} nulls last`, sql`${tasks.id} ${dir}`],
    after: ([v, last]) =>
      v === null
        ? sql`(${expr} is null and ${tasks.id} ${op} ${last as string}::uuid)`
        : sql`((${expr}, ${tasks.id}) ${op} (${v}::${sql.raw(cast)}, ${last as string}::uuid) or ${expr} is null)`,
    key: z.tuple([key.nullable(), z.uuid()]) as unknown as z.ZodType<unknown[], unknown[]>,
  };
}
