import { loadavg } from "node:os";
import { sequentialLatency } from "../lib/load";
import { percentile, round } from "../lib/stats";
import { routeExists, type Row, type Scenario } from "../lib/scenario";

const ROUNDS = 4;
const load = () => loadavg()[0]!.toFixed(1);

/**
 * Scenario 3: what the route wrapper costs (token check, rate limit, headers, serialisation).
 * GET /api/v1/me runs one indexed lookup; at one connection its median against the framework
 * floor's, both from rounds interleaved floor, app, SQL replayed alone, so a noisy neighbour hits
 * all three. A task by key (several lookups) is shown beside it.
 */
export const routeOverheadScenario: Scenario = {
  id: "route",
  title: "3. Route overhead",
  available: (ctx) => routeExists(ctx, "GET", "/api/v1/me"),
  async run(ctx) {
    const task = `/api/v1/tasks/${ctx.fixture.projects.BRD.key}-1`;
    await ctx.capture("route-me", { path: "/api/v1/me" });
    await ctx.capture("route-task", { path: task });
    const targets = [
      { label: "floor", url: `${ctx.services.appUrl}/api/bench/floor` },
      { label: "me", url: `${ctx.services.appUrl}/api/v1/me`, headers: ctx.auth },
      { label: "me-sql", url: `${ctx.services.bareUrl}/replay/route-me` },
      { label: "task", url: `${ctx.services.appUrl}${task}`, headers: ctx.auth },
      { label: "task-sql", url: `${ctx.services.bareUrl}/replay/route-task` },
    ];
    const samples = new Map<string, number[]>(targets.map((t) => [t.label, []]));
    const before = load();
    for (let r = 0; r < ROUNDS; r++) {
      const seconds = Math.max(0.5, ctx.opts.seconds / ROUNDS);
      for (const res of await sequentialLatency({ targets, iterations: 100_000, seconds, warmup: r === 0 ? 200 : 20 })) {
        if (res.failures) throw new Error(`${res.label}: ${res.failures} failures (status ${res.status})`);
        samples.get(res.label)!.push(...res.samples);
      }
    }
    const note = `load ${before} → ${load()}; ${samples.get("me")!.length} requests each, ${ROUNDS} interleaved rounds`;
    const p = (label: string, q: number) => round(percentile(samples.get(label)!, q), 2);
    const rows: Row[] = [];
    for (const [label, name, sql] of [
      ["me", "GET /api/v1/me (one indexed lookup)", "me-sql"],
      ["task", "GET /api/v1/tasks/{key}", "task-sql"],
    ] as const) {
      const over = round(p(label, 0.5) - p("floor", 0.5), 2);
      rows.push({
        scenario: "3. route overhead",
        metric: `${name}, 1 conn: p50 over the framework floor`,
        value: over,
        unit: "ms",
        floors: { framework: p("floor", 0.5), "SQL replayed (node:http)": p(sql, 0.5) },
        ratio: `app p50 ${p(label, 0.5)} ms, p99 ${p(label, 0.99)} ms; floor p99 ${p("floor", 0.99)} ms`,
        target: label === "me" ? "≤ 2 ms" : undefined,
        met: label === "me" ? over <= 2 : undefined,
        note,
        why:
          label === "me" && over > 2
            ? `its SQL replayed alone over bare node:http takes ${p(sql, 0.5)} ms at p50; the rest is the app's layers`
            : undefined,
      });
    }
    return rows;
  },
};
