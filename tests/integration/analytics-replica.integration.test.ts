import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

// DATABASE_REPLICA_URL points at a second database of this run, migrated and holding a copy of the
// test's rows that differs on purpose (a task left out): the figures show which database answered.
// Only users, the workspace, the project, its statuses and tasks are copied (no memberships), so the
// access check, had it run on the replica, would answer 404.
const admin = process.env.TASKLANE_ADMIN_DATABASE_URL;
const onPostgres = Boolean(process.env.DATABASE_URL && admin);
let replicaUrl: string | undefined;

async function createReplica(): Promise<string> {
  const url = new URL(process.env.DATABASE_URL!);
  const name = `${url.pathname.slice(1)}_replica`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  url.pathname = `/${name}`;
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const migrator = new pg.Client({ connectionString: url.toString() });
  await migrator.connect();
  await migrate(drizzle(migrator), { migrationsFolder: path.resolve(import.meta.dirname, "../../db/migrations") });
  await migrator.end();
  return url.toString();
}

// Before the settings are first read (the helpers are imported below, after this).
if (onPostgres) {
  replicaUrl = await createReplica();
  process.env.DATABASE_REPLICA_URL = replicaUrl;
}
const { api } = await import("../helpers/app");
const { createTestProject } = await import("../helpers/projects");
const { createTestTask } = await import("../helpers/tasks");
const { settings } = await import("@/config/settings");

/** Copies rows of `table` matching `where` from the primary to the replica (generated columns left to the replica). */
async function copyRows(table: string, where: string, params: unknown[]): Promise<number> {
  const primary = new pg.Client({ connectionString: process.env.DATABASE_URL });
  const replica = new pg.Client({ connectionString: replicaUrl });
  await Promise.all([primary.connect(), replica.connect()]);
  try {
    const columns = await primary.query<{ name: string }>(
      "select column_name as name from information_schema.columns where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' order by ordinal_position",
      [table],
    );
    const list = columns.rows.map((c) => `"${c.name}"`).join(", ");
    const rows = await primary.query<{ rows: unknown[] }>(
      `select coalesce(json_agg(t), '[]') as rows from ${table} t where ${where}`,
      params,
    );
    const data = rows.rows[0]!.rows;
    await replica.query(
      `insert into ${table} (${list}) overriding system value select ${list} from json_populate_recordset(null::${table}, $1::json)`,
      [JSON.stringify(data)],
    );
    return data.length;
  } finally {
    await Promise.all([primary.end(), replica.end()]);
  }
}

afterAll(async () => {
  if (!replicaUrl) return;
  const { closeDatabase } = await import("@/db/client");
  await closeDatabase();
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`drop database if exists ${new URL(replicaUrl).pathname.slice(1)} with (force)`);
  await client.end();
});

describe.skipIf(!onPostgres)("analytics reads on the read replica", () => {
  it("computes the figures on the replica once it holds the project's events, and on the primary while it lags", async () => {
    expect(settings().DATABASE_REPLICA_URL).toBe(replicaUrl);
    const { ws, project, owner } = await createTestProject();
    const todo = project.defaultStatus.id;
    const tasks = [await createTestTask(project, owner), await createTestTask(project, owner), await createTestTask(project, owner)];

    // The replica gets the project as it is now, but only two of its three tasks.
    await copyRows("users", "id = $1", [owner.id]);
    await copyRows("workspaces", "id = $1", [ws.id]);
    await copyRows("projects", "id = $1", [project.id]);
    // The project's data version (its newest outbox row) is what the replica must have caught up to.
    expect(await copyRows("events", "project_id = $1", [project.id])).toBeGreaterThanOrEqual(3);
    await copyRows("statuses", "project_id = $1", [project.id]);
    expect(await copyRows("tasks", "project_id = $1 and id <> $2", [project.id, tasks[2]!.id])).toBe(2);

    const openInTodo = (body: { counts: { byStatus: { statusId: string; count: number }[] } }) =>
      body.counts.byStatus.find((s) => s.statusId === todo)!.count;
    const fromReplica = await api.get(`/api/v1/projects/${project.id}/analytics`, { token: owner.token });
    expect(fromReplica.status, JSON.stringify(fromReplica.body)).toBe(200);
    expect(openInTodo(fromReplica.body)).toBe(2);
    const workspace = await api.get(`/api/v1/workspaces/${ws.slug}/analytics`, { token: owner.token });
    expect(workspace.status, JSON.stringify(workspace.body)).toBe(200);
    expect(workspace.body.counts.open).toBe(2);

    // A new task records an event on the primary only: the replica lags, the primary answers.
    await createTestTask(project, owner);
    const fromPrimary = await api.get(`/api/v1/projects/${project.id}/analytics`, { token: owner.token });
    expect(fromPrimary.status, JSON.stringify(fromPrimary.body)).toBe(200);
    expect(openInTodo(fromPrimary.body)).toBe(4);
    const workspaceNow = await api.get(`/api/v1/workspaces/${ws.slug}/analytics`, { token: owner.token });
    expect(workspaceNow.body.counts.open).toBe(4);
  });

  it("still refuses a stranger (the access check reads the primary)", async () => {
    const { project } = await createTestProject();
    const { owner: stranger } = await createTestProject();
    const res = await api.get(`/api/v1/projects/${project.id}/analytics`, { token: stranger.token });
    expect(res.status).toBe(404);
  });
});
