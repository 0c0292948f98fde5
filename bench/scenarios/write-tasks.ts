import { autocannon } from "../lib/load";
import { pct, routeExists, times, type BenchContext, type Row, type Scenario } from "../lib/scenario";
import { latencyWhy, throughputWhy } from "../lib/why";

// Scenario 1 (continued): writes to existing tasks of ONE project (CRT) from 10 and 50 connections,
// each connection on its own tasks, beside the framework floor and the app's own SQL replayed bare.

const TASKS = 200;
type Req = { path: string; body: unknown };

/** TASKS tasks of CRT to write to (made once through the API, in its first two columns' first one). */
async function targetTasks(ctx: BenchContext): Promise<string[]> {
  const ids: string[] = [];
  const url = `${ctx.services.appUrl}/api/v1/projects/${ctx.fixture.projects.CRT.id}/tasks`;
  for (let i = 0; i < TASKS; i += 10) {
    const made = await Promise.all(
      Array.from({ length: 10 }, async (_, k) => {
        const res = await fetch(url, {
          method: "POST",
          headers: { ...ctx.auth, "content-type": "application/json" },
          body: JSON.stringify({ title: `Benchmark write target ${i + k}` }),
        });
        if (res.status !== 201) throw new Error(`creating write targets: ${res.status} ${await res.text()}`);
        return ((await res.json()) as { id: string }).id;
      }),
    );
    ids.push(...made);
  }
  return ids;
}

function writeScenario(s: {
  id: string;
  title: string;
  label: string;
  /** The requests one connection cycles through (every one a real change when replayed in order). */
  requests: (ctx: BenchContext, tasks: string[]) => Req[];
  method: string;
}): Scenario {
  let tasks: string[] | undefined;
  const sample = async (ctx: BenchContext) => s.requests(ctx, (tasks ??= await targetTasks(ctx)))[0]!;
  return {
    id: s.id,
    title: s.title,
    async available(ctx) {
      const first = await sample(ctx);
      return routeExists(ctx, s.method, first.path, first.body);
    },
    async run(ctx) {
      const requests = s.requests(ctx, (tasks ??= await targetTasks(ctx)));
      // Warmed up with the first request (already made by available()), so the captured second one is a real change.
      const capture = await ctx.capture(
        s.id,
        { method: s.method, path: requests[1]!.path, body: requests[1]!.body },
        { method: s.method, path: requests[0]!.path, body: requests[0]!.body },
      );
      ctx.log(`  ${s.id} runs ${capture.statements.length} SQL statements`);
      const rows: Row[] = [];
      for (const c of [10, 50]) {
        const app = await autocannon({
          url: ctx.services.appUrl,
          method: s.method,
          connections: c,
          seconds: ctx.opts.seconds,
          headers: { ...ctx.auth, "content-type": "application/json" },
          requests: requests.map((r) => ({ path: r.path, body: JSON.stringify(r.body) })),
        });
        const bare = await autocannon({
          url: `${ctx.services.bareUrl}/replay/${s.id}`,
          method: "POST",
          connections: c,
          seconds: ctx.opts.seconds,
          body: JSON.stringify(requests[1]!.body),
        });
        const next = await ctx.frameworkFloor(c);
        rows.push(
          {
            scenario: s.label,
            metric: `${c} conn: req/s`,
            value: app.rps,
            unit: "req/s",
            floors: { framework: next.rps, physical: bare.rps },
            ratio: `${pct(app.rps, next.rps)} of framework; ${pct(app.rps, bare.rps)} of physical`,
            target: "≥ 60% of framework",
            met: app.rps >= 0.6 * next.rps,
            why: throughputWhy(app.rps, next.rps, bare.rps, ` (${capture.statements.length} statements per request)`),
            note:
              c === 10 ? `${capture.statements.length} SQL statements per request; ${TASKS} tasks shared by the connections` : undefined,
          },
          { scenario: s.label, metric: `${c} conn: p50`, value: app.p50, unit: "ms", floors: { framework: next.p50, physical: bare.p50 } },
          {
            scenario: s.label,
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
}

/** Scenario 1: PATCH /api/v1/tasks/{id} moving each task from Todo to In Progress and back, at 10 and 50 connections. */
export const updateTaskScenario = writeScenario({
  id: "update",
  title: "1. Move a task between columns",
  label: "1. move task",
  method: "PATCH",
  requests: (ctx, tasks) => {
    // New tasks start in the default column (Todo): out to In Progress and back, so every move is a change.
    const named = (name: string) => ctx.fixture.projects.CRT.statuses.find((st) => st.name === name)!;
    return [named("In Progress"), named("Todo")].flatMap((status) =>
      tasks.map((id) => ({ path: `/api/v1/tasks/${id}`, body: { statusId: status.id } })),
    );
  },
});

/** Scenario 1: POST /api/v1/tasks/{id}/comments, at 10 and 50 connections. */
export const createCommentScenario = writeScenario({
  id: "comment",
  title: "1. Comment on a task",
  label: "1. create comment",
  method: "POST",
  requests: (_ctx, tasks) =>
    tasks.map((id) => ({ path: `/api/v1/tasks/${id}/comments`, body: { body: "Benchmark: the export still times out for me." } })),
});
