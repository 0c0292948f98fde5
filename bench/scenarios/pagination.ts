import { bothSides, interleave, pooled } from "../lib/interleave";
import { apiLatency, sqlLatency, summarize } from "../lib/measure";
import { routeExists, times, type BenchContext, type Row, type Scenario } from "../lib/scenario";
import { round } from "../lib/stats";

type ApiTask = Record<string, unknown> & { id: string };
const list = (ctx: BenchContext) => `/api/v1/projects/${ctx.fixture.projects.BIG.id}/tasks`;

async function page(ctx: BenchContext, path: string): Promise<{ data: ApiTask[]; nextCursor: string | null }> {
  const res = await fetch(ctx.services.appUrl + path, { headers: ctx.auth });
  if (!res.ok) throw new Error(`GET ${path} answered ${res.status}`);
  return (await res.json()) as { data: ApiTask[]; nextCursor: string | null };
}

/**
 * A cursor for the row at `depth` in board order, made the way the API makes its own: the first
 * page's cursor is decoded, each of its values matched to a field of that page's last task, and
 * the same fields taken from the row at the depth. The result is checked against SQL's OFFSET.
 */
async function deepCursor(ctx: BenchContext, depth: number): Promise<string> {
  const first = await page(ctx, `${list(ctx)}?limit=50`);
  const last = first.data[first.data.length - 1]!;
  const key = JSON.parse(Buffer.from(first.nextCursor!, "base64url").toString()) as unknown[];
  const sql = `select id, position, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt" from tasks where project_id = $1 order by position, id offset $2 limit 2`;
  const { rows } = await ctx.pool.query<ApiTask>(sql, [ctx.fixture.projects.BIG.id, depth - 1]);
  const fields = ["id", "position", "createdAt"];
  const deep = key.map((v) => {
    const f = fields.find((name) => last[name] === v);
    return f ? rows[0]![f] : v;
  });
  const cursor = Buffer.from(JSON.stringify(deep)).toString("base64url");
  const check = await page(ctx, `${list(ctx)}?limit=50&cursor=${encodeURIComponent(cursor)}`);
  if (check.data[0]?.id !== rows[1]?.id)
    throw new Error(`could not build a cursor at depth ${depth} (key ${JSON.stringify(key)}); not measured`);
  return cursor;
}

/** Scenario 4: the page at depth 500k (or near the end of BIG at smaller scales) against the first page. */
export const paginationScenario: Scenario = {
  id: "pagination",
  title: "4. Pagination depth",
  available: (ctx) => routeExists(ctx, "GET", `${list(ctx)}?limit=1`),
  async run(ctx) {
    const { rows } = await ctx.pool.query<{ n: number }>("select count(*)::int as n from tasks where project_id = $1", [
      ctx.fixture.projects.BIG.id,
    ]);
    const depth = Math.min(500_000, rows[0]!.n - 100);
    const cursor = await deepCursor(ctx, depth);
    const firstPath = `${list(ctx)}?limit=50`;
    const deepPath = `${firstPath}&cursor=${encodeURIComponent(cursor)}`;
    const captures = {
      first: await ctx.capture("page-first", { path: firstPath }),
      deep: await ctx.capture("page-deep", { path: deepPath }),
    };
    // SQL alone, then the API, alternately; each side's samples are pooled over the rounds.
    const measured = await interleave(ctx, {
      sql: async ({ rounds }) =>
        new Map([
          ["first", await sqlLatency(ctx.pool, captures.first, Math.ceil(40 / rounds), 5 / rounds)],
          ["deep", await sqlLatency(ctx.pool, captures.deep, Math.ceil(40 / rounds), 5 / rounds)],
        ]),
      api: ({ rounds }) =>
        apiLatency(
          ctx,
          [
            { label: "first", path: firstPath },
            { label: "deep", path: deepPath },
          ],
          Math.ceil(60 / rounds),
        ),
    });
    const sql = pooled(measured.sql.runs);
    const api = pooled(measured.api.runs);
    const load = bothSides(measured.sql, measured.api);
    const sqlFirst = summarize(sql.get("first")!);
    const sqlDeep = summarize(sql.get("deep")!);
    const first = summarize(api.get("first")!);
    const deep = summarize(api.get("deep")!);
    const out: Row[] = [
      {
        scenario: "4. pagination",
        metric: "first page of 50: p50",
        value: round(first.p50),
        unit: "ms",
        floors: { "SQL alone": round(sqlFirst.p50) },
        load,
      },
      {
        scenario: "4. pagination",
        metric: `page at depth ${depth.toLocaleString("en")}: p50`,
        value: round(deep.p50),
        unit: "ms",
        floors: { "SQL alone": round(sqlDeep.p50) },
        ratio: `${times(deep.p50, first.p50)} of first page`,
        target: "≤ 1.5x first page",
        met: deep.p50 <= 1.5 * first.p50,
        why: `the same SQL alone takes ${round(sqlDeep.p50)} ms at depth against ${round(sqlFirst.p50)} ms for the first page`,
        load,
      },
      {
        scenario: "4. pagination",
        metric: `page at depth ${depth.toLocaleString("en")}: p95`,
        value: round(deep.p95),
        unit: "ms",
        floors: { "first page": round(first.p95) },
        ratio: `${times(deep.p95, first.p95)} of first page`,
        load,
      },
    ];
    return out;
  },
};
