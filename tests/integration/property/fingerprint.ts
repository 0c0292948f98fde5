import { sql } from "drizzle-orm";
import { database } from "@/db/client";
import { queryRows } from "@/server/jobs/rows";

// What a refused request must not change: every row of the fixture's workspace (and its users), as
// count + newest row version (xmin moves on every insert and update) per table. Tables written by
// background work (outbox cursors, notifications, email and webhook jobs) or on every authenticated
// request (token last-used times) are left out or counted only.
const SKIP = new Set([
  "event_cursors",
  "notifications",
  "email_jobs",
  "webhook_deliveries",
  "mailbox_messages",
  "idempotency_keys",
  "__drizzle_migrations",
]);
const COUNT_ONLY = new Set(["auth_tokens", "users"]);

type Scope = { workspaceId: string; userIds: string[] };
let plan: { table: string; where: string }[] | undefined;

async function tables(): Promise<{ table: string; where: string }[]> {
  if (plan) return plan;
  const db = await database();
  const cols = await queryRows<{ table_name: string; column_name: string }>(
    db,
    sql`select table_name, column_name from information_schema.columns where table_schema = 'public'`,
  );
  const byTable = new Map<string, Set<string>>();
  for (const c of cols) (byTable.get(c.table_name) ?? byTable.set(c.table_name, new Set()).get(c.table_name)!).add(c.column_name);
  const projects = `(select id from projects where workspace_id = $W)`;
  const tasks = `(select id from tasks where project_id in ${projects})`;
  plan = [];
  for (const [table, c] of [...byTable].sort(([a], [b]) => a.localeCompare(b))) {
    if (SKIP.has(table)) continue;
    const where =
      table === "workspaces"
        ? "id = $W"
        : table === "users"
          ? "id = any($U)"
          : c.has("workspace_id")
            ? "workspace_id = $W"
            : c.has("project_id")
              ? `project_id in ${projects}`
              : c.has("task_id")
                ? `task_id in ${tasks}`
                : c.has("user_id")
                  ? "user_id = any($U)"
                  : c.has("webhook_id")
                    ? "webhook_id in (select id from webhooks where workspace_id = $W)"
                    : null;
    if (where) plan.push({ table, where });
  }
  return plan;
}

export async function fingerprint(scope: Scope): Promise<Record<string, string>> {
  const db = await database();
  const parts = await tables();
  const users = `array[${scope.userIds.map((u) => `'${u}'::uuid`).join(",")}]`;
  const selects = parts.map(({ table, where }) => {
    const version = COUNT_ONLY.has(table) ? "0" : "coalesce(max(xmin::text::bigint), 0)";
    const w = where.replaceAll("$W", `'${scope.workspaceId}'::uuid`).replaceAll("$U", users);
    return `select '${table}' as t, count(*)::text || ':' || ${version}::text as f from "${table}" where ${w}`;
  });
  const rows = await queryRows<{ t: string; f: string }>(db, sql.raw(selects.join(" union all ")));
  return Object.fromEntries(rows.map((r) => [r.t, r.f]));
}

export function changed(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
}
