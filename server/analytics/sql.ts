import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";

// Both drivers (node-postgres, PGlite) answer raw queries with `{ rows }`. Every query here casts
// its outputs to int, float8 or text, so both drivers hand back the same JS types.
export async function rows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Hours between two timestamptz expressions, rounded to 0.01. */
export function hours(from: SQL, to: SQL): SQL {
  return sql`round((extract(epoch from (${to} - ${from})) / 3600)::numeric, 2)::float8`;
}
