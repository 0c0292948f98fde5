import { desc, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { timeEntries } from "@/db/schema";
import { decodeCursor } from "../pagination";
import type { TimeEntryRow } from "./internal";

// Every list of entries: newest day first, then newest entry; the cursor holds that key of the last row.
const Key = z.tuple([z.iso.date(), z.iso.datetime(), z.uuid()]);

export const entryOrder = [desc(timeEntries.spentOn), desc(timeEntries.createdAt), desc(timeEntries.id)];

export function afterCursor(cursor: string | undefined): SQL | undefined {
  const after = decodeCursor(cursor, Key);
  if (!after) return undefined;
  return sql`(${timeEntries.spentOn}, ${timeEntries.createdAt}, ${timeEntries.id}) < (${after[0]}::date, ${after[1]}::timestamptz, ${after[2]}::uuid)`;
}

export const entryKey = (r: TimeEntryRow) => [r.spentOn, r.createdAt.toISOString(), r.id];
