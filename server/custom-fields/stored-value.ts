import { sql } from "drizzle-orm";
import { taskFieldValues } from "@/db/schema";

/**
 * The value as JSON text, parsed by the caller: a driver that hands jsonb back already parsed would
 * otherwise have drizzle parse the string "12" a second time, into the number 12.
 */
export const storedValue = sql<string>`(${taskFieldValues.value})::text`;
