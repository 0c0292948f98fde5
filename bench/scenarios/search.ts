import { bothSides, interleave, pooled } from "../lib/interleave";
import { apiLatency, sqlLatency, summarize } from "../lib/measure";
import { routeExists, type BenchContext, type Row, type Scenario } from "../lib/scenario";
import { round } from "../lib/stats";
import { QUERY_TERMS } from "../seed/text";
import { largestPlanNode } from "./explain";
import { sqlWhy } from "../lib/why";
import type { Capture } from "../floors/replay";

const workspaceList = (ctx: BenchContext) => `/api/v1/workspaces/${ctx.fixture.workspace.slug}/tasks`;
const SEARCH_TARGET_AT = 1_000_000;

function queries(ctx: BenchContext): { group: string; label: string; path: string }[] {
  const big = `/api/v1/projects/${ctx.fixture.projects.BIG.id}/tasks`;
  const { labelIds, statuses } = ctx.fixture.projects.BIG;
  const started = statuses
    .filter((s) => s.category === "started")
    .map((s) => s.id)
    .join(",");
  const terms = Object.entries(QUERY_TERMS).flatMap(([group, list]) =>
    list.map((term, i) => ({ group: `q ${group}`, label: `${group}-${i}`, path: `${workspaceList(ctx)}?q=${encodeURIComponent(term)}` })),
  );
  return [
    ...terms,
    { group: "filtered list", label: "filter-priority", path: `${big}?priority=urgent,high&sort=-updated` },
    { group: "filtered list", label: "filter-assignee", path: `${big}?assignee=${ctx.fixture.memberIds[3]}&status=${started}` },
    { group: "filtered list", label: "filter-label-due", path: `${big}?label=${labelIds[2]}&sort=due` },
  ];
}

/** How many tasks hold the word (as a prefix, like the API's last word): how common each corpus term is. */
async function documentCount(ctx: BenchContext, word: string): Promise<number> {
  const { rows } = await ctx.pool.query<{ n: number }>(
    "select count(*)::int as n from tasks where search_vector @@ to_tsquery('english', $1)",
    [`${word}:*`],
  );
  return rows[0]!.n;
}

/** Scenario 3: search and filtered lists, measured at each data-set size on the way to the target scale. */
export const searchScenario: Scenario = {
  id: "search",
  title: "3. Search and filtered lists",
  available: (ctx) => routeExists(ctx, "GET", `${workspaceList(ctx)}?q=fix&limit=1`),
  async run(ctx) {
    const qs = queries(ctx);
    const captures = new Map<string, Capture>();
    for (const q of qs) captures.set(q.label, await ctx.capture(`search-${ctx.tasks}-${q.label}`, { path: q.path }));
    // SQL alone for every term, then the API for every term, alternately; samples pooled over the rounds.
    const measured = await interleave(ctx, {
      sql: async ({ rounds }) => {
        const out = new Map<string, number[]>();
        for (const q of qs) out.set(q.label, await sqlLatency(ctx.pool, captures.get(q.label)!, Math.ceil(20 / rounds), 3 / rounds));
        return out;
      },
      api: ({ rounds }) =>
        apiLatency(
          ctx,
          qs.map((q) => ({ label: q.label, path: q.path })),
          Math.ceil(40 / rounds),
          Math.max(3, ctx.opts.seconds / 2) / rounds,
        ),
    });
    const api = pooled(measured.api.runs);
    const sql = pooled(measured.sql.runs);
    const load = bothSides(measured.sql, measured.api);
    const rows: Row[] = [];
    const groups = [...new Set(qs.map((q) => q.group))];
    for (const group of groups) {
      const members = qs.filter((q) => q.group === group);
      const apiSamples = members.flatMap((q) => api.get(q.label)!);
      const sqlSamples = members.flatMap((q) => sql.get(q.label)!);
      let planRows = 0;
      if (group === "q common")
        for (const q of members) planRows = Math.max(planRows, await largestPlanNode(ctx.pool, captures.get(q.label)!));
      const a = summarize(apiSamples);
      const s = summarize(sqlSamples);
      const targeted = ctx.tasks >= SEARCH_TARGET_AT && ["q rare", "q medium", "q prefix"].includes(group);
      const words = group.startsWith("q ") ? members.map((m) => decodeURIComponent(m.path.split("q=")[1]!)) : [];
      const terms = words.length ? ` (${words.join(", ")})` : "";
      const matches = await Promise.all(words.map((w) => documentCount(ctx, w)));
      rows.push(
        {
          scenario: `3. search @${ctx.tasks.toLocaleString("en")} tasks`,
          metric: `${group}${terms}: p50`,
          value: round(a.p50),
          unit: "ms",
          floors: { "SQL alone": round(s.p50) },
          load,
          note: words.length
            ? `tasks matching (as a prefix): ${words.map((w, i) => `${w} ${matches[i]!.toLocaleString("en")}`).join(", ")}`
            : undefined,
        },
        {
          scenario: `3. search @${ctx.tasks.toLocaleString("en")} tasks`,
          metric: `${group}: p95`,
          value: round(a.p95),
          unit: "ms",
          floors: { "SQL alone": round(s.p95) },
          ratio: `API adds ${round(a.p95 - s.p95)} ms`,
          load,
          ...(targeted
            ? { target: "p95 < 50 ms, API adds ≤ 10 ms", met: a.p95 < 50 && a.p95 - s.p95 <= 10, why: sqlWhy(a.p95, s.p95, 50, 10) }
            : {}),
        },
      );
      if (group === "q common") {
        rows.push({
          scenario: `3. search @${ctx.tasks.toLocaleString("en")} tasks`,
          metric: "common term: most rows at any plan node",
          value: planRows,
          unit: "rows",
          target: "never rank the whole table (< 50% of tasks)",
          met: planRows < ctx.tasks * 0.5,
          load,
          why: `the plan produces ${planRows.toLocaleString("en")} rows: every task holding the term is scored and sorted before the first page is taken`,
        });
      }
    }
    return rows;
  },
};
