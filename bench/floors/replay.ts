import type pg from "pg";

export type Statement = {
  client: number;
  text: string;
  values: unknown[];
  rowMode?: "array";
  /** The connection's startup options, when the app opened it with some (its counters pool). */
  options?: string;
  start: number;
  end: number;
  fields?: string[];
  rows?: unknown[];
};
export type Capture = { status: number; statements: Statement[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Statements issued while every earlier one of the group was still running went out concurrently. */
function waves(statements: Statement[]): Statement[][] {
  const out: Statement[][] = [];
  let minEnd = -Infinity;
  for (const s of statements) {
    if (out.length > 0 && s.start < minEnd) {
      out[out.length - 1]!.push(s);
      minEnd = Math.min(minEnd, s.end);
    } else {
      out.push([s]);
      minEnd = s.end;
    }
  }
  return out;
}

/** Param index → column name, for `insert into t ("a", "b") values (default, $1), ($2, $3)`. */
function insertColumns(text: string): Map<number, string> {
  const m = /^\s*insert into "?\w+"? \(([^)]*)\) values (.*)$/is.exec(text);
  const map = new Map<number, string>();
  if (!m) return map;
  const columns = m[1]!.split(",").map((c) => c.trim().replaceAll('"', ""));
  for (const tuple of m[2]!.matchAll(/\(([^()]*)\)/g)) {
    tuple[1]!.split(",").forEach((token, k) => {
      const p = /^\s*\$(\d+)\s*$/.exec(token);
      if (p && columns[k]) map.set(Number(p[1]) - 1, columns[k]);
    });
  }
  return map;
}

/**
 * Runs a captured request's statements through pg: the same texts, values, connections (with the same
 * startup options, through poolWith) and concurrency. Values that an earlier write returned (a new task's id, its number) are replaced
 * by what this run's write returned, so inserts stay valid when replayed many times.
 */
export async function replay(
  pool: pg.Pool,
  statements: Statement[],
  poolWith: (options: string) => pg.Pool = () => pool,
): Promise<unknown[][]> {
  // As in the app: BEGIN … COMMIT run on one connection held for the transaction; every other
  // statement checks a connection out of the pool just for itself (pool.query).
  const held: boolean[] = [];
  const open = new Set<number>();
  for (const s of statements) {
    if (/^\s*begin\b/i.test(s.text)) open.add(s.client);
    held.push(open.has(s.client));
    if (/^\s*(commit|rollback)\b/i.test(s.text)) open.delete(s.client);
  }
  const clients = new Map<number, Promise<pg.PoolClient>>();
  const byValue = new Map<string, unknown>(); // returned uuids: old → new
  const returned: { old: unknown; now: unknown }[] = []; // other returned values, for inserts only
  const selected: unknown[][] = [];
  const client = (id: number, index: number): Promise<pg.Pool | pg.PoolClient> => {
    const options = statements[index]!.options;
    if (!held[index]) return Promise.resolve(options ? poolWith(options) : pool);
    if (!clients.has(id)) clients.set(id, pool.connect());
    return clients.get(id)!;
  };
  const release = async (id: number) => {
    const held = clients.get(id);
    clients.delete(id);
    if (held) (await held).release();
  };
  const run = async (s: Statement, index: number) => {
    const columns = insertColumns(s.text);
    const values = s.values.map((v, i) => {
      if (typeof v === "string" && byValue.has(v)) return byValue.get(v);
      // A returned number goes back in as an insert's column or as `$n::int` (a task number taken by
      // an earlier statement); other numbers (a priority rank) are left alone.
      if (columns.has(i) || new RegExp(`\\$${i + 1}::int\\b`).test(s.text)) return returned.find((r) => r.old === v)?.now ?? v;
      return v;
    });
    const c = await client(s.client, index);
    const result: pg.QueryResult =
      s.rowMode === "array" ? await c.query({ text: s.text, values, rowMode: "array" }) : await c.query({ text: s.text, values });
    if (/^\s*(commit|rollback)\b/i.test(s.text)) await release(s.client);
    if (/^\s*select\b/i.test(s.text)) selected.push(result.rows);
    (s.rows ?? []).forEach((oldRow, r) => {
      const newRow = result.rows[r] as unknown;
      (s.fields ?? []).forEach((f, k) => {
        const old = Array.isArray(oldRow) ? oldRow[k] : (oldRow as Record<string, unknown>)[f];
        const now = Array.isArray(newRow) ? newRow[k] : (newRow as Record<string, unknown> | undefined)?.[f];
        // A write that matched no row this time (a move replayed on a version already past) returns
        // nothing: later statements keep the captured values rather than null.
        if (now === undefined) return;
        if (typeof old === "string" && UUID.test(old)) byValue.set(old, now);
        else if (typeof old === "number") returned.push({ old, now });
      });
    });
  };
  try {
    for (const wave of waves(statements)) await Promise.all(wave.map((st) => run(st, statements.indexOf(st))));
  } finally {
    for (const id of [...clients.keys()]) await release(id);
  }
  return selected;
}
