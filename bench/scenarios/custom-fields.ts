import { apiLatency, summarize } from "../lib/measure";
import { routeExists, type BenchContext, type Row, type Scenario } from "../lib/scenario";
import { round } from "../lib/stats";

// Issue 15: a filter on a custom field at the data set's size (100k at --scale 100k) stays under 50 ms.
// A select field on BIG: every task has a value, 1 in 200 the rare option (the filter's selective case).
const fields = (ctx: BenchContext) => `/api/v1/projects/${ctx.fixture.projects.BIG.id}/fields`;

async function seedField(ctx: BenchContext): Promise<{ fieldId: string; rare: string; common: string }> {
  const res = await fetch(ctx.services.appUrl + fields(ctx), {
    method: "POST",
    headers: { ...ctx.auth, "content-type": "application/json" },
    body: JSON.stringify({ name: `Bench severity ${Date.now()}`, type: "single_select", options: [{ name: "Rare" }, { name: "Common" }] }),
  });
  if (res.status !== 201) throw new Error(`POST ${fields(ctx)} answered ${res.status}`);
  const field = (await res.json()) as { id: string; options: { id: string }[] };
  const [rare, common] = field.options.map((o) => o.id) as [string, string];
  await ctx.pool.query(
    `insert into task_field_values (task_id, field_id, value, text_value)
     select id, $2::uuid, to_jsonb(o), o
     from (select id, case when number % 200 = 0 then $3 else $4 end as o from tasks where project_id = $1::uuid) t
     on conflict do nothing`,
    [ctx.fixture.projects.BIG.id, field.id, rare, common],
  );
  await ctx.pool.query("analyze task_field_values");
  return { fieldId: field.id, rare, common };
}

export const customFieldsScenario: Scenario = {
  id: "custom-fields",
  title: "Custom field filter",
  available: (ctx) => routeExists(ctx, "GET", fields(ctx)),
  async run(ctx) {
    const { fieldId, rare, common } = await seedField(ctx);
    const base = `/api/v1/projects/${ctx.fixture.projects.BIG.id}/tasks?limit=50`;
    const api = await apiLatency(ctx, [
      { label: "rare", path: `${base}&cf.${fieldId}=${rare}` },
      { label: "common", path: `${base}&cf.${fieldId}=${common}` },
      { label: "sorted", path: `${base}&cf.${fieldId}=${rare}&sort=-created` },
    ]);
    return [...api.entries()].map(([label, samples]): Row => {
      const s = summarize(samples);
      return {
        scenario: "custom fields",
        metric: `filter cf.<select>=${label} option, first page of 50 at ${ctx.tasks.toLocaleString("en")} tasks: p50`,
        value: round(s.p50),
        unit: "ms",
        target: "< 50 ms",
        met: s.p50 < 50,
        note: `p95 ${round(s.p95)} ms`,
      };
    });
  },
};
