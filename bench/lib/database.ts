import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { ROOT } from "./config";

/** A fresh database beside the one DATABASE_URL names, so a run never touches real data. */
export async function createBenchDatabase(adminUrl: string): Promise<{ url: string; name: string }> {
  const name = `tasklane_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), name };
}

export async function dropBenchDatabase(adminUrl: string, name: string): Promise<void> {
  if (!/^tasklane_bench_[0-9a-f]+$/.test(name)) throw new Error(`refusing to drop ${name}`);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

export async function migrateDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await migrate(drizzle(client), { migrationsFolder: path.join(ROOT, "db/migrations") });
  } finally {
    await client.end();
  }
}
