import { bothSides, frameworkFloorLoad, interleavedLoad } from "../lib/interleave";
import { pct, type Row, type Scenario } from "../lib/scenario";

/** Scenario 0: the two floors themselves, so every ratio below can be read against them. */
export const floorsScenario: Scenario = {
  id: "floors",
  title: "0. Floors",
  available: async () => null,
  async run(ctx) {
    const rows: Row[] = [];
    for (const c of [10, 50]) {
      // node:http first, then Next, alternately: both sides see the same neighbours.
      const { bare, next } = await interleavedLoad(ctx, {
        bare: { url: `${ctx.services.bareUrl}/hello`, connections: c },
        next: frameworkFloorLoad(ctx, c),
      });
      ctx.rememberFrameworkFloor(c, next);
      rows.push({
        scenario: "0. floors",
        metric: `Next.js route handler, fixed JSON, ${c} conn: req/s`,
        value: next.rps,
        unit: "req/s",
        floors: { "node:http hello": bare.rps },
        ratio: pct(next.rps, bare.rps),
        note: `median of ${next.rounds} interleaved rounds (Next ${next.rpsRuns.map(Math.round).join(", ")} req/s; node:http ${bare.rpsRuns.map(Math.round).join(", ")})${c === 10 ? `; p99 ${next.p99} ms (node:http ${bare.p99} ms)` : ""}`,
        load: bothSides(bare, next),
      });
    }
    return rows;
  },
};
