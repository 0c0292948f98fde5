import { asc, desc, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { tasks } from "@/db/schema";
import { decodeCursor } from "../pagination";
import type { TaskSort } from "./filters";
import type { FieldSort } from "../custom-fields/sort-sql";

// Keyset pagination for every sort: ORDER BY the sort key then id, and the cursor holds both
// (prefixed with the sort's name, so a cursor from another sort is refused as malformed).

export type SortRow = {
  id: string;
  position: string;
  createdAt: Date;
  updatedAt: Date;
  priority: number;
  dueDate: string | null;
  rank: number | null;
  /** The custom field's sort value, under sort=cf.<fieldId>. */
  cfValue?: unknown;
};
type Sort = {
  orderBy: () => SQL[];
  keyOf: (r: SortRow) => unknown[];
  after: (key: unknown[]) => SQL;
  key: z.ZodType<unknown[], unknown[]>;
};

const id = z.uuid();
const iso = z.iso.datetime();

function byTime(column: typeof tasks.createdAt | typeof tasks.updatedAt, field: "createdAt" | "updatedAt", dir: "asc" | "desc"): Sort {
  const op = dir === "asc" ? sql.raw(">") : sql.raw("<");
  const order = dir === "asc" ? asc : desc;
  return {
    orderBy: () => [order(column), order(tasks.id)],
    keyOf: (r) => [r[field].toISOString(), r.id],
    after: ([t, last]) => sql`(${column}, ${tasks.id}) ${op} (${t as string}::timestamptz, ${last as string}::uuid)`,
    key: z.tuple([iso, id]),
  };
}

const table: Record<Exclude<TaskSort, "relevance">, Sort> & { relevance: Sort } = {
  position: {
    orderBy: () => [asc(tasks.position), asc(tasks.id)],
    keyOf: (r) => [r.position, r.id],
    after: ([p, last]) => sql`(${tasks.position}, ${tasks.id}) > (${p as string}, ${last as string}::uuid)`,
    key: z.tuple([z.string().max(400), id]),
  },
  created: byTime(tasks.createdAt, "createdAt", "asc"),
  "-created": byTime(tasks.createdAt, "createdAt", "desc"),
  updated: byTime(tasks.updatedAt, "updatedAt", "asc"),
  "-updated": byTime(tasks.updatedAt, "updatedAt", "desc"),
  // Urgent first: walks the (project, priority, id) index backwards.
  priority: {
    orderBy: () => [desc(tasks.priority), desc(tasks.id)],
    keyOf: (r) => [r.priority, r.id],
    after: ([p, last]) => sql`(${tasks.priority}, ${tasks.id}) < (${p as number}::smallint, ${last as string}::uuid)`,
    key: z.tuple([z.number().int().min(0).max(4), id]),
  },
  // Soonest first, undated last: the btree's own order (ASC NULLS LAST).
  due: {
    orderBy: () => [sql`${tasks.dueDate} asc nulls last`, asc(tasks.id)],
    keyOf: (r) => [r.dueDate, r.id],
    after: ([d, last]) =>
      d === null
        ? sql`(${tasks.dueDate} is null and ${tasks.id} > ${last as string}::uuid)`
        : sql`((${tasks.dueDate}, ${tasks.id}) > (${d as string}::date, ${last as string}::uuid) or ${tasks.dueDate} is null)`,
    key: z.tuple([z.iso.date().nullable(), id]),
  },
  // Within a relevance tier (search.ts), newest first; the cursor also names the tier.
  relevance: {
    orderBy: () => [desc(tasks.createdAt), desc(tasks.id)],
    keyOf: (r) => [r.rank, r.createdAt.toISOString(), r.id],
    after: ([, t, last]) => sql`(${tasks.createdAt}, ${tasks.id}) < (${t as string}::timestamptz, ${last as string}::uuid)`,
    key: z.tuple([z.number().int().min(0).max(3), iso, id]),
  },
};

type Named = keyof typeof table;

/** A custom field sort (custom-fields/sort-sql.ts) brings its own expression and cursor key. */
export function sortOf(sort: TaskSort, custom?: FieldSort): Sort {
  if (custom) return { orderBy: custom.orderBy, keyOf: (r) => [r.cfValue ?? null, r.id], after: custom.after, key: custom.key };
  return table[sort as Named]!;
}

/** The cursor's key for this sort, or 400 when it is malformed or from another sort. */
export function decodeTaskCursor(cursor: string | undefined, sort: TaskSort, custom?: FieldSort): unknown[] | undefined {
  const schema = z
    .tuple([z.literal(sort)], z.unknown())
    .transform((t) => t.slice(1))
    .pipe(sortOf(sort, custom).key);
  return decodeCursor(cursor, schema);
}

export function cursorKeyOf(sort: TaskSort, row: SortRow, custom?: FieldSort): unknown[] {
  return [sort, ...sortOf(sort, custom).keyOf(row)];
}
