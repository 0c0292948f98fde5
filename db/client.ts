import path from "node:path";
import { mkdirSync } from "node:fs";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { ClientConfig } from "pg";
import * as schema from "./schema";
import { logger } from "@/config/log";
import { settings } from "@/config/settings";

// One type for both drivers: PGlite (embedded) and node-postgres (DATABASE_URL).
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

type Handles = { primary: Database; replica: Database; counters: Database; close: () => Promise<void> };

const MIGRATIONS = path.resolve(process.cwd(), "db/migrations");
type PoolLike = { totalCount: number; idleCount: number; waitingCount: number };
const globalForDb = globalThis as unknown as { __tasklaneDb?: Promise<Handles>; __tasklanePools?: Map<string, PoolLike> };

async function openPostgres(url: string, replicaUrl: string | undefined, poolSize: number, connectTimeoutMs: number): Promise<Handles> {
  const { Pool, Client: PgClient } = await import("pg");
  // The timeout bounds opening a connection (an unreachable server), not the wait for a free one in a
  // busy pool: that is load, and a server that is down empties the queue at once by refusing connections.
  class Client extends PgClient {
    constructor(config?: ClientConfig) {
      super({ ...config, connectionTimeoutMillis: connectTimeoutMs });
    }
  }
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const pool = new Pool({ connectionString: url, max: poolSize, Client });
  // An idle connection the server closes (restart, failover, a dropped database) must not crash the process.
  const logIdleError = (which: string) => (error: Error) => logger().warn({ err: error, pool: which }, "idle database connection lost");
  pool.on("error", logIdleError("primary"));
  (globalForDb.__tasklanePools ??= new Map()).set("primary", pool);
  const primary = drizzle(pool, { schema }) as unknown as Database;
  // Several pods may start at once: one migrates while the others wait on the lock.
  const lockClient = await pool.connect();
  try {
    await lockClient.query("select pg_advisory_lock(727274)");
    await migrate(drizzle(lockClient, { schema }), { migrationsFolder: MIGRATIONS });
  } finally {
    await lockClient.query("select pg_advisory_unlock(727274)").catch(() => undefined);
    lockClient.release();
  }
  const replicaPool = replicaUrl ? new Pool({ connectionString: replicaUrl, max: poolSize, Client }) : undefined;
  replicaPool?.on("error", logIdleError("replica"));
  if (replicaPool) globalForDb.__tasklanePools.set("replica", replicaPool);
  const replica = replicaPool ? (drizzle(replicaPool, { schema }) as unknown as Database) : primary;
  // Counters bumped in a transaction of their own, whose commit need not wait for the disk: the row lock
  // is held for microseconds instead of a WAL flush. A change that uses the number commits after it,
  // flushing the WAL past the counter's commit record, so a number in use is never lost in a crash.
  const countersPool = new Pool({
    connectionString: url,
    max: Math.max(2, Math.ceil(poolSize / 4)),
    Client,
    options: "-c synchronous_commit=off",
  });
  countersPool.on("error", logIdleError("counters"));
  globalForDb.__tasklanePools.set("counters", countersPool);
  const counters = drizzle(countersPool, { schema }) as unknown as Database;
  return {
    primary,
    replica,
    counters,
    close: async () => {
      globalForDb.__tasklanePools?.clear();
      await pool.end();
      await replicaPool?.end();
      await countersPool.end();
    },
  };
}

async function openPglite(dataDir: string): Promise<Handles> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const dir = dataDir === "memory://" ? dataDir : path.resolve(dataDir, "pglite");
  if (dir !== "memory://") mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir);
  const primary = drizzle(client, { schema }) as unknown as Database;
  await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS });
  // One connection, one writer at a time: counters share it.
  return { primary, replica: primary, counters: primary, close: () => client.close() };
}

function open(): Promise<Handles> {
  const s = settings();
  return s.DATABASE_URL
    ? openPostgres(s.DATABASE_URL, s.DATABASE_REPLICA_URL, s.DATABASE_POOL_SIZE, s.DATABASE_CONNECT_TIMEOUT_MS)
    : openPglite(s.DATA_DIR);
}

function handles(): Promise<Handles> {
  globalForDb.__tasklaneDb ??= open().catch((error: unknown) => {
    globalForDb.__tasklaneDb = undefined;
    throw error;
  });
  return globalForDb.__tasklaneDb;
}

/** The primary database, migrated on first use. */
export async function database(): Promise<Database> {
  return (await handles()).primary;
}

/** Reads that may lag a little go to the replica when one is configured. */
export async function replicaDatabase(): Promise<Database> {
  return (await handles()).replica;
}

/**
 * For counters taken outside the change's transaction (task numbers): autocommit statements whose
 * commit does not wait for the disk (see openPostgres). Never for data a caller is told is saved.
 */
export async function countersDatabase(): Promise<Database> {
  return (await handles()).counters;
}

export async function closeDatabase(): Promise<void> {
  const current = globalForDb.__tasklaneDb;
  globalForDb.__tasklaneDb = undefined;
  if (current) await (await current).close();
}

/** Connection counts of the open node-postgres pools (none in embedded mode), for the metrics. */
export function poolStats(): { pool: string; total: number; idle: number; waiting: number }[] {
  return [...(globalForDb.__tasklanePools ?? new Map<string, PoolLike>())].map(([pool, p]) => ({
    pool,
    total: p.totalCount,
    idle: p.idleCount,
    waiting: p.waitingCount,
  }));
}

export function isEmbedded(): boolean {
  return !settings().DATABASE_URL;
}
