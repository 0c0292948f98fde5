import { bothSides, interleave, pooled } from "../lib/interleave";
import { apiLatency, sqlLatency, summarize } from "../lib/measure";
import { routeExists, type BenchContext, type Row, type Scenario } from "../lib/scenario";
import { round } from "../lib/stats";
import { sqlWhy } from "../lib/why";

const base = (ctx: BenchContext) => `/api/v1/projects/${ctx.fixture.projects.ANL.id}/analytics`;

/** Scenario 6: analytics of the ANL project (50k tasks at 100k+ scale, a year of history). */
export const analyticsScenario: Scenario = {
  id: "analytics",
  title: "6. Analytics",
  available: (ctx) => routeExists(ctx, "GET", base(ctx)),
  async run(ctx) {
    const { rows: count } = await ctx.pool.query<{ n: number }>("select count(*)::int as n from tasks where project_id = $1", [
      ctx.fixture.projects.ANL.id,
    ]);
    const today = new Date();
    const yearAgo = new Date(today.getTime() - 364 * 86_400_000);
    const cases = [
      { label: "default range (12 weeks)", path: base(ctx) },
      { label: "a year", path: `${base(ctx)}?from=${yearAgo.toISOString().slice(0, 10)}&to=${today.toISOString().slice(0, 10)}` },
    ];
    const captures = await Promise.all(cases.map((c, i) => ctx.capture(`analytics-${i}`, { path: c.path })));
    // SQL alone, then the API, alternately; each side's samples are pooled over the rounds.
    const { sql, api } = await interleave(ctx, {
      sql: async ({ rounds }) => {
        const out = new Map<string, number[]>();
        for (const [i, c] of cases.entries())
          out.set(c.label, await sqlLatency(ctx.pool, captures[i]!, Math.ceil(15 / rounds), 10 / rounds));
        return out;
      },
      api: ({ rounds }) =>
        apiLatency(
          ctx,
          cases.map((c) => ({ label: c.label, path: c.path })),
          Math.ceil(30 / rounds),
        ),
    });
    const sqlSamples = pooled(sql.runs);
    const apiSamples = pooled(api.runs);
    const rows: Row[] = [];
    for (const [i, c] of cases.entries()) {
      const a = summarize(apiSamples.get(c.label)!);
      const s = summarize(sqlSamples.get(c.label)!);
      rows.push({
        scenario: "6. analytics",
        metric: `${count[0]!.n.toLocaleString("en")} tasks, ${c.label}: p95`,
        value: round(a.p95),
        unit: "ms",
        floors: { "SQL alone": round(s.p95) },
        ratio: `API adds ${round(a.p95 - s.p95)} ms`,
        target: "< 200 ms",
        met: a.p95 < 200,
        why: sqlWhy(a.p95, s.p95, 200),
        note: i === 0 ? `p50 ${round(a.p50)} ms` : undefined,
        load: bothSides(sql, api),
      });
    }
    return rows;
  },
};
