import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

type Value = string | number | boolean | null | undefined | Date;

function field(v: Value): string {
  if (v === null || v === undefined) return "\\N";
  if (v instanceof Date) return v.toISOString();
  if (typeof v !== "string") return String(v);
  return v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
}

/** Rows in COPY's text format, accumulated per table and streamed in one COPY each. */
export class CopyBuffer {
  private chunks: string[] = [];
  rows = 0;
  constructor(
    readonly table: string,
    readonly columns: string[],
  ) {}

  push(...values: Value[]): void {
    this.chunks.push(values.map(field).join("\t") + "\n");
    this.rows++;
  }

  async flush(db: pg.PoolClient): Promise<void> {
    if (this.rows === 0) return;
    const chunks = this.chunks;
    this.chunks = [];
    this.rows = 0;
    const sink = db.query(copyFrom(`copy ${this.table} (${this.columns.join(", ")}) from stdin`));
    await pipeline(Readable.from(chunks), sink);
  }
}
