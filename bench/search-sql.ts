// `npx tsx bench/search-sql.ts <bench database name> [--iterations 30]`: the search scenario's
// queries against a kept bench database, without HTTP and without a production build: the service
// verb (listWorkspaceTasks) timed in-process, and the same SQL alone (its statements captured and
// replayed through pg). The difference is what the service layer adds to its SQL.
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { Statement } from "./floors/replay";
import { replay } from "./floors/replay";
import { largestPlanNode } from "./scenarios/explain";
import { percentile } from "./lib/stats";
import { seedBase } from "./seed/base";
import { Rng } from "./seed/prng";
import { QUERY_TERMS } from "./seed/text";

const SEED = 20261128; // bench/seed.ts: the fixture (ids, tokens) follows from the seed alone

async function main(): Promise<void> {
  const [name] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const iterations = Number(process.argv.find((a) => a.startsWith("--iterations="))?.split("=")[1] ?? 30);
  if (!name || !/^tasklane_bench_[0-9a-f]+$/.test(name)) throw new Error("usage: search-sql.ts tasklane_bench_<hex>");
  const url = new URL(process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres");
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  process.env.DATABASE_POOL_SIZE = "4";

  const recorded: Statement[] = [];
  let recording = false;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0] as string | { text?: string; values?: unknown[]; rowMode?: "array" };
    const text = typeof config === "string" ? config : config.text;
    if (recording && text) {
      const values = Array.isArray(args[1]) ? args[1] : typeof config === "object" ? (config.values ?? []) : [];
      recorded.push({ client: 1, text, values, rowMode: typeof config === "object" ? config.rowMode : undefined, start: 0, end: 0 });
    }
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;

  const { listWorkspaceTasks } = await import("@/server/tasks/list");
  const { createContext } = await import("@/server/context");
  const fake = { query: async () => ({ rows: [] }) } as unknown as pg.PoolClient;
  const fixture = await seedBase(fake, new Rng(SEED));
  const ctx = () => createContext({ kind: "token", userId: fixture.owner.id, tokenId: fixture.owner.id });
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  const { rows } = await pool.query<{ n: number }>("select count(*)::int as n from tasks");
  console.log(`${name}: ${rows[0]!.n} tasks; ${iterations} sequential calls per term`);

  for (const [group, terms] of Object.entries(QUERY_TERMS)) {
    const service: number[] = [];
    const sqlAlone: number[] = [];
    let planRows = 0;
    for (const q of terms) {
      const call = () => listWorkspaceTasks({ ctx: ctx(), slug: fixture.workspace.slug, query: { q } });
      for (let i = 0; i < 2; i++) await call();
      for (let i = 0; i < iterations; i++) {
        const started = performance.now();
        await call();
        service.push(performance.now() - started);
      }
      recorded.length = 0;
      recording = true;
      const page = await call();
      recording = false;
      const statements = [...recorded];
      await replay(pool, statements);
      for (let i = 0; i < iterations; i++) {
        const started = performance.now();
        await replay(pool, statements);
        sqlAlone.push(performance.now() - started);
      }
      planRows = Math.max(planRows, await largestPlanNode(pool, { status: 200, statements }));
      console.log(`  ${q}: ${page.data.length} on the first page, ${statements.length} statements`);
    }
    const f = (xs: number[], p: number) => percentile(xs, p).toFixed(1);
    console.log(
      `${group.padEnd(7)} service p50 ${f(service, 0.5)} p95 ${f(service, 0.95)} ms | SQL alone p50 ${f(sqlAlone, 0.5)} p95 ${f(sqlAlone, 0.95)} ms | adds ${(percentile(service, 0.95) - percentile(sqlAlone, 0.95)).toFixed(1)} ms at p95 | most rows at a plan node ${planRows}`,
    );
  }
  await pool.end();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
