import { autocannon } from "../lib/load";
import { peakRssDuring } from "../lib/rss-sampler";
import { pct, routeExists, times, type BenchContext, type Row, type Scenario } from "../lib/scenario";
import { latencyWhy, throughputWhy } from "../lib/why";

const path = (ctx: BenchContext) => `/api/v1/projects/${ctx.fixture.projects.CRT.id}/tasks`;
const body = (ctx: BenchContext) => ({
  title: "Benchmark: investigate slow dashboard export",
  description: "Created by the benchmark. Customers report that the CSV export of the dashboard times out for large workspaces.",
  priority: "high",
  assigneeIds: [ctx.fixture.memberIds[1]],
  labelIds: [ctx.fixture.projects.CRT.labelIds[0]],
});

/** Scenario 1: POST /api/v1/projects/{id}/tasks at 10 and 50 connections, beside both floors. */
export const createTaskScenario: Scenario = {
  id: "create",
  title: "1. Create a task",
  available: (ctx) => routeExists(ctx, "POST", path(ctx), body(ctx)),
  async run(ctx) {
    const capture = await ctx.capture("create", { method: "POST", path: path(ctx), body: body(ctx) });
    ctx.log(`  create runs ${capture.statements.length} SQL statements`);
    const rows: Row[] = [];
    const MiB = 1024 * 1024;
    for (const c of [10, 50]) {
      const json = JSON.stringify(body(ctx));
      const {
        value: app,
        peak,
        idle,
      } = await peakRssDuring(ctx.services.webPid, () =>
        autocannon({
          url: ctx.services.appUrl + path(ctx),
          method: "POST",
          connections: c,
          seconds: ctx.opts.seconds,
          headers: { ...ctx.auth, "content-type": "application/json" },
          body: json,
        }),
      );
      rows.push({
        scenario: "1. create task",
        metric: `${c} conn: web process RSS, peak during the load`,
        value: Math.round(peak / MiB),
        unit: "MiB",
        floors: { idle: Math.round(idle / MiB) },
        target: "< 400 MiB",
        met: peak < 400 * MiB,
        why: "the web process tree (next start with its in-process workers) grows past 400 MiB while creating",
        note: `sampled every 250 ms over the ${ctx.opts.seconds} s load; before it ${Math.round(idle / MiB)} MiB`,
      });
      const bare = await autocannon({
        url: `${ctx.services.bareUrl}/replay/create`,
        method: "POST",
        connections: c,
        seconds: ctx.opts.seconds,
        body: json,
      });
      const next = await ctx.frameworkFloor(c);
      rows.push(
        {
          scenario: "1. create task",
          metric: `${c} conn: req/s`,
          value: app.rps,
          unit: "req/s",
          floors: { framework: next.rps, physical: bare.rps },
          ratio: `${pct(app.rps, next.rps)} of framework; ${pct(app.rps, bare.rps)} of physical`,
          target: "≥ 60% of framework",
          met: app.rps >= 0.6 * next.rps,
          why: throughputWhy(
            app.rps,
            next.rps,
            bare.rps,
            ` (${capture.statements.length} statements in a transaction holding the project's row lock, so creates in one project run one at a time)`,
          ),
          note:
            c === 10
              ? `${capture.statements.length} SQL statements per create, replayed verbatim by the physical floor (new ids and numbers substituted)`
              : undefined,
        },
        {
          scenario: "1. create task",
          metric: `${c} conn: p50`,
          value: app.p50,
          unit: "ms",
          floors: { framework: next.p50, physical: bare.p50 },
          ratio: times(app.p50, Math.max(bare.p50, 1)) + " of physical",
        },
        {
          scenario: "1. create task",
          metric: `${c} conn: p99`,
          value: app.p99,
          unit: "ms",
          floors: { framework: next.p99, physical: bare.p99 },
          ratio: times(app.p99, Math.max(bare.p99, 1)) + " of physical",
          ...(c === 10 ? { target: "< 50 ms", met: app.p99 < 50, why: latencyWhy(app.p99, next.p99, bare.p99, 50) } : {}),
        },
      );
    }
    return rows;
  },
};
