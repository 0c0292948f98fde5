import { z } from "zod";
import { ServiceError } from "./errors";

// Keyset pagination: the cursor holds the sort key of the last row served, so
// pages stay stable while rows are inserted, and a deep page costs what the first does.
export const PageQuery = z.object({
  limit: z.coerce.number().int("must be an integer").min(1, "must be between 1 and 100").max(100, "must be between 1 and 100").default(50),
  cursor: z.string().max(1000).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

export type Page<T> = { data: T[]; nextCursor: string | null };

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor<S extends z.ZodType>(cursor: string | undefined, schema: S): z.infer<S> | undefined {
  if (cursor === undefined) return undefined;
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new ServiceError("BAD_REQUEST", "The cursor is malformed; use the nextCursor of a previous page");
  }
}

/** Rows fetched with limit + 1: the extra row only tells whether a next page exists. */
export function toPage<R, T>(rows: R[], limit: number, keyOf: (row: R) => unknown[], map: (row: R) => T): Page<T> {
  const hasMore = rows.length > limit;
  const served = hasMore ? rows.slice(0, limit) : rows;
  const last = served[served.length - 1];
  return { data: served.map(map), nextCursor: hasMore && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
