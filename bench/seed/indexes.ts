import type pg from "pg";

const BULK_TABLES = ["tasks", "task_assignees", "task_labels", "comments", "activity"];

/**
 * Bulk loads run much faster without secondary indexes: drop them (not the constraints' own),
 * load, and rebuild them exactly as defined, spread over the loader connections.
 */
export async function dropSecondaryIndexes(db: pg.PoolClient): Promise<string[]> {
  const { rows } = await db.query<{ name: string; def: string }>(
    `select indexname as name, indexdef as def from pg_indexes
     where schemaname = current_schema() and tablename = any($1)
       and indexname not in (select conname from pg_constraint where contype in ('p', 'u'))
     order by (indexdef ilike '%using gin%') desc, tablename`,
    [BULK_TABLES],
  );
  for (const r of rows) await db.query(`drop index "${r.name}"`);
  return rows.map((r) => r.def);
}

export async function createIndexes(clients: pg.PoolClient[], defs: string[]): Promise<void> {
  const queue = [...defs];
  await Promise.all(
    clients.map(async (c) => {
      await c.query("set maintenance_work_mem = '512MB'");
      for (let def = queue.shift(); def; def = queue.shift()) await c.query(def);
      await c.query("reset maintenance_work_mem");
    }),
  );
}

/** The seeder writes consistent rows by construction, so FK triggers may be skipped when the role allows it. */
export async function trySkipForeignKeyTriggers(db: pg.PoolClient): Promise<boolean> {
  try {
    await db.query("set session_replication_role = replica");
    return true;
  } catch {
    return false;
  }
}
