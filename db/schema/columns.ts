import { customType, timestamp } from "drizzle-orm/pg-core";

// Millisecond precision, like JavaScript's Date, so a keyset cursor round-trips exactly.
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date", precision: 3 });

// Fractional-index keys compare byte by byte, so they need the "C" collation.
export const orderKey = customType<{ data: string }>({ dataType: () => 'text COLLATE "C"' });

export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
