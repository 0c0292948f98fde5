import { loadavg } from "node:os";
import { autocannon, type LoadSummary } from "../lib/load";
import { pct, routeExists, type BenchContext, type Row, type Scenario } from "../lib/scenario";
import { latencyWhy, throughputWhy } from "../lib/why";

const projectPath = (ctx: BenchContext) => `/api/v1/projects/${ctx.fixture.projects.BRD.id}`;
const boardPath = (ctx: BenchContext, limit: number) => `${projectPath(ctx)}/board?limit=${limit}`;
const load = () => loadavg()[0]!.toFixed(1);

type BoardBody = { columns: { statusId: string; nextCursor: string | null }[] };

/**
 * The whole board as the board page reads it: GET …/board (each column's first 100 cards), then for
 * every column with a cursor the task list's "load more" pages (that status, board order, 100 a page).
 * Fixed: nothing writes to BRD meanwhile.
 */
async function wholeBoard(ctx: BenchContext): Promise<string[]> {
  const get = async <T>(p: string): Promise<T> => {
    const res = await fetch(ctx.services.appUrl + p, { headers: ctx.auth });
    if (!res.ok) throw new Error(`GET ${p} answered ${res.status}`);
    return (await res.json()) as T;
  };
  const first = boardPath(ctx, 100);
  const paths = [first];
  for (const col of (await get<BoardBody>(first)).columns) {
    let cursor = col.nextCursor;
    while (cursor && paths.length < 40) {
      const p = `${projectPath(ctx)}/tasks?status=${col.statusId}&sort=position&limit=100&cursor=${encodeURIComponent(cursor)}`;
      paths.push(p);
      cursor = (await get<{ nextCursor: string | null }>(p)).nextCursor;
    }
  }
  return paths;
}

/** Scenario 2: the 1,000-task board through the board endpoint the page uses, at 10 connections, each beside a framework floor measured just before it. */
export const boardReadScenario: Scenario = {
  id: "board",
  title: "2. Read a board",
  available: (ctx) => routeExists(ctx, "GET", boardPath(ctx, 1)),
  async run(ctx) {
    const whole = await wholeBoard(ctx);
    for (const [i, p] of whole.entries()) await ctx.capture(`board-${i}`, { path: p });
    await ctx.capture("board-first-50", { path: boardPath(ctx, 50) });
    const c = 10;
    const rows: Row[] = [];
    const cases = [
      {
        name: "first page (board, 50 cards a column)",
        app: [boardPath(ctx, 50)],
        bare: ["/replay/board-first-50"],
        per: 1,
        unit: "req/s",
      },
      {
        name: "board request as the page makes it (100 cards a column)",
        app: [whole[0]!],
        bare: ["/replay/board-0"],
        per: 1,
        unit: "req/s",
      },
      {
        name: `whole board (board + ${whole.length - 1} load-more pages)`,
        app: whole,
        bare: whole.map((_, i) => `/replay/board-${i}`),
        per: whole.length,
        unit: "boards/s",
      },
    ];
    for (const k of cases) {
      const before = load();
      // Interleaved: the floor right before the app, the physical floor right after.
      const next: LoadSummary = await autocannon({
        url: `${ctx.services.appUrl}/api/bench/floor`,
        connections: c,
        seconds: ctx.opts.seconds,
      });
      const app = await autocannon({
        url: ctx.services.appUrl,
        paths: k.app,
        connections: c,
        seconds: ctx.opts.seconds,
        headers: ctx.auth,
      });
      const bare = await autocannon({ url: ctx.services.bareUrl, paths: k.bare, connections: c, seconds: ctx.opts.seconds });
      const note = `load ${before} → ${load()} (${ctx.tasks} tasks)`;
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
          note,
          why: throughputWhy(
            app.rps,
            next.rps,
            bare.rps,
            " (one statement per board; the JSON of every card is built, parsed and sent again)",
          ),
        },
        {
          scenario: "2. board read",
          metric: `${k.name}, ${c} conn: p99 per request`,
          value: app.p99,
          unit: "ms",
          floors: { framework: next.p99, physical: bare.p99 },
          target: "< 50 ms",
          met: app.p99 < 50,
          note: `p50 ${app.p50} ms (framework ${next.p50}, physical ${bare.p50}); ${note}`,
          why: latencyWhy(app.p99, next.p99, bare.p99, 50),
        },
      );
    }
    return rows;
  },
};
