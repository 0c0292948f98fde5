import { autocannon } from "../lib/load";
import { pct, routeExists, type BenchContext, type Row, type Scenario } from "../lib/scenario";
import { latencyWhy, throughputWhy } from "../lib/why";

const list = (ctx: BenchContext) => `/api/v1/projects/${ctx.fixture.projects.BRD.id}/tasks`;

/** The whole board as a client reads it: pages of 100 following nextCursor (fixed: nothing writes to BRD meanwhile). */
async function boardPages(ctx: BenchContext): Promise<string[]> {
  const paths: string[] = [];
  let cursor: string | null = null;
  do {
    const p: string = `${list(ctx)}?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    paths.push(p);
    const res = await fetch(ctx.services.appUrl + p, { headers: ctx.auth });
    if (!res.ok) throw new Error(`GET ${p} answered ${res.status}`);
    cursor = ((await res.json()) as { nextCursor: string | null }).nextCursor;
  } while (cursor && paths.length < 20);
  return paths;
}

/** Scenario 2: the 1,000-task board (10 pages of 100) and its first page of 50, at 10 connections. */
export const boardReadScenario: Scenario = {
  id: "board",
  title: "2. Read a board",
  available: (ctx) => routeExists(ctx, "GET", `${list(ctx)}?limit=1`),
  async run(ctx) {
    const pages = await boardPages(ctx);
    for (const [i, p] of pages.entries()) await ctx.capture(`board-${i}`, { path: p });
    await ctx.capture("board-first", { path: `${list(ctx)}?limit=50` });
    const c = 10;
    const next = await ctx.frameworkFloor(c);
    const rows: Row[] = [];
    const cases = [
      {
        name: `whole board (${pages.length} pages of 100)`,
        app: pages,
        bare: pages.map((_, i) => `/replay/board-${i}`),
        per: pages.length,
        unit: "boards/s",
      },
      { name: "first page of 50", app: [`${list(ctx)}?limit=50`], bare: ["/replay/board-first"], per: 1, unit: "req/s" },
    ];
    for (const k of cases) {
      const app = await autocannon({
        url: ctx.services.appUrl,
        paths: k.app,
        connections: c,
        seconds: ctx.opts.seconds,
        headers: ctx.auth,
      });
      const bare = await autocannon({ url: ctx.services.bareUrl, paths: k.bare, connections: c, seconds: ctx.opts.seconds });
      rows.push(
        {
          scenario: "2. board read",
          metric: `${k.name}, ${c} conn: throughput`,
          value: app.rps / k.per,
          unit: k.unit,
          floors: { framework: next.rps / k.per, physical: bare.rps / k.per },
          ratio: `${pct(app.rps, next.rps)} of framework; ${pct(app.rps, bare.rps)} of physical`,
          target: "≥ 60% of framework",
          met: app.rps >= 0.6 * next.rps,
          why: throughputWhy(app.rps, next.rps, bare.rps, " (reading and shaping up to 100 tasks with assignees and labels)"),
        },
        {
          scenario: "2. board read",
          metric: `${k.name}, ${c} conn: p99 per request`,
          value: app.p99,
          unit: "ms",
          floors: { framework: next.p99, physical: bare.p99 },
          target: "< 50 ms",
          met: app.p99 < 50,
          why: latencyWhy(app.p99, next.p99, bare.p99, 50),
        },
      );
    }
    return rows;
  },
};
