import { autocannon } from "../lib/load";
import { pct, type Row, type Scenario } from "../lib/scenario";

/** Scenario 0: the two floors themselves, so every ratio below can be read against them. */
export const floorsScenario: Scenario = {
  id: "floors",
  title: "0. Floors",
  available: async () => null,
  async run(ctx) {
    const rows: Row[] = [];
    for (const c of [10, 50]) {
      const next = await ctx.frameworkFloor(c);
      const bare = await autocannon({ url: `${ctx.services.bareUrl}/hello`, connections: c, seconds: ctx.opts.seconds });
      rows.push({
        scenario: "0. floors",
        metric: `Next.js route handler, fixed JSON, ${c} conn: req/s`,
        value: next.rps,
        unit: "req/s",
        floors: { "node:http hello": bare.rps },
        ratio: pct(next.rps, bare.rps),
        note: c === 10 ? `p99 ${next.p99} ms (node:http ${bare.p99} ms)` : undefined,
      });
    }
    return rows;
  },
};
