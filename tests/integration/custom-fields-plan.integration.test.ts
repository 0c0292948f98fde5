import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { database, isEmbedded } from "@/db/client";
import { TaskListQuery, type TaskListInput } from "@/server/tasks/filters";
import { buildTaskQuery } from "@/server/tasks/list";
import { createTestProject, type TestProject } from "../helpers/projects";
import type { TestUser } from "../helpers/factories";

// A filter on a custom field reads the field's value index, not every task: at 50k tasks EXPLAIN
// shows no sequential scan of tasks or task_field_values. Planner choices mean something on PostgreSQL only.
const onPostgres = !isEmbedded();
const N = 50_000;
let project: TestProject;
let owner: TestUser;
const field = { select: crypto.randomUUID(), number: crypto.randomUUID(), text: crypto.randomUUID() };
const option = { rare: crypto.randomUUID(), common: crypto.randomUUID() };

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };
const nodes = (p: PlanNode): PlanNode[] => [p, ...(p.Plans ?? []).flatMap(nodes)];

async function planOf(input: TaskListInput): Promise<{ plan: PlanNode[]; ms: number }> {
  const db = await database();
  const built = await buildTaskQuery(db, { projectIds: [project.id], userId: owner.id }, TaskListQuery.parse(input));
  const result = await db.execute(sql`explain (analyze, format json) ${built!.steps[0]!.first}`);
  const json = Object.values((result as unknown as { rows: Record<string, unknown>[] }).rows[0]!)[0];
  const plan = (typeof json === "string" ? JSON.parse(json) : json) as { Plan: PlanNode; "Execution Time": number }[];
  return { plan: nodes(plan[0]!.Plan), ms: plan[0]!["Execution Time"] };
}

describe.skipIf(!onPostgres)("custom field filters at 50k tasks", () => {
  beforeAll(async () => {
    ({ project, owner } = await createTestProject());
    const db = await database();
    await db.execute(sql`
      insert into tasks (project_id, number, title, status_id, position)
      select ${project.id}::uuid, i, 'Task ' || i, ${project.statuses[1]!.id}::uuid, 'a0' || lpad(i::text, 6, '0') || 'V'
      from generate_series(1, ${N}) as i`);
    await db.execute(sql`
      insert into custom_fields (id, project_id, name, type, position, options) values
        (${field.select}::uuid, ${project.id}::uuid, 'Severity', 'single_select', 0,
          ${JSON.stringify([
            { id: option.rare, name: "Rare", color: "#000000" },
            { id: option.common, name: "Common", color: "#ffffff" },
          ])}::jsonb),
        (${field.number}::uuid, ${project.id}::uuid, 'Points', 'number', 1, '[]'::jsonb),
        (${field.text}::uuid, ${project.id}::uuid, 'Team', 'text', 2, '[]'::jsonb)`);
    // Every task has a severity (1 in 500 the rare one) and points; a tenth have a team.
    await db.execute(sql`
      insert into task_field_values (task_id, field_id, value, text_value)
      select id, ${field.select}::uuid, to_jsonb(o), o
      from (select id, case when number % 500 = 0 then ${option.rare} else ${option.common} end as o from tasks where project_id = ${project.id}::uuid) t`);
    await db.execute(sql`
      insert into task_field_values (task_id, field_id, value, number_value)
      select id, ${field.number}::uuid, to_jsonb(number % 1000), number % 1000 from tasks where project_id = ${project.id}::uuid`);
    await db.execute(sql`
      insert into task_field_values (task_id, field_id, value, text_value)
      select id, ${field.text}::uuid, to_jsonb('team ' || (number % 50)), 'team ' || (number % 50)
      from tasks where project_id = ${project.id}::uuid and number % 10 = 0`);
    await db.execute(sql`analyze tasks; analyze task_field_values`);
  }, 300_000);

  const cases: [string, () => TaskListInput][] = [
    ["rare option", () => ({ cf: { [field.select]: option.rare } })],
    ["number range", () => ({ cf: { [field.number]: "10..12" } })],
    ["exact text", () => ({ cf: { [field.text]: "team 7" } })],
    ["rare option, sort=created", () => ({ cf: { [field.select]: option.rare }, sort: "created" })],
  ];

  it.each(cases)("%s reads a task_field_values index and scans no table", async (name, input) => {
    const { plan, ms } = await planOf(input());
    const summary = plan.map((n) => `${n["Node Type"]}(${n["Index Name"] ?? n["Relation Name"] ?? ""})`).join(" > ");
    expect(
      plan.filter((n) => n["Node Type"] === "Seq Scan" && ["tasks", "task_field_values"].includes(n["Relation Name"] ?? "")),
      summary,
    ).toEqual([]);
    expect(
      plan.some((n) => (n["Index Name"] ?? "").startsWith("task_field_values_")),
      summary,
    ).toBe(true);
    expect(ms, `${name}: ${summary}`).toBeLessThan(500);
  });
});

it("documents why it may be skipped", () => {
  expect(typeof onPostgres).toBe("boolean");
});
