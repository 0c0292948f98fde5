import type pg from "pg";
import type { Capture } from "../floors/replay";

type PlanNode = { "Actual Rows"?: number; "Actual Loops"?: number; Plans?: PlanNode[] };

function largest(node: PlanNode): number {
  const own = (node["Actual Rows"] ?? 0) * (node["Actual Loops"] ?? 1);
  return Math.max(own, ...(node.Plans ?? []).map(largest));
}

/** EXPLAIN ANALYZE of the captured selects that search: the most rows any plan node produced. */
export async function largestPlanNode(pool: pg.Pool, capture: Capture): Promise<number> {
  let most = 0;
  for (const s of capture.statements) {
    if (!/^\s*(select|with)\b/i.test(s.text) || !/(@@|ts_rank|tsquery)/i.test(s.text)) continue;
    const { rows } = await pool.query<{ "QUERY PLAN": { Plan: PlanNode }[] }>({
      text: `explain (analyze, format json) ${s.text}`,
      values: s.values,
    });
    most = Math.max(most, largest(rows[0]!["QUERY PLAN"][0]!.Plan));
  }
  return most;
}
