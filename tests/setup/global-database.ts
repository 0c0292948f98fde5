import { randomBytes } from "node:crypto";
import pg from "pg";

// With DATABASE_URL, every run gets a fresh database of its own on that server, dropped afterwards.
let created: { admin: string; name: string } | undefined;

function assertLocal(url: URL): void {
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(url.hostname)) {
    throw new Error(`Refusing to create test databases on a non-local server (${url.hostname})`);
  }
}

export async function setup(): Promise<void> {
  const admin = process.env.DATABASE_URL;
  if (!admin) {
    console.log("[tests] DATABASE_URL unset: running on PGlite (embedded). Set DATABASE_URL to test on PostgreSQL.");
    return;
  }
  const url = new URL(admin);
  assertLocal(url);
  const name = `tasklane_test_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  created = { admin, name };
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  process.env.TASKLANE_ADMIN_DATABASE_URL = admin;
  console.log(`[tests] PostgreSQL database ${name}`);
  if (!process.env.REDIS_URL) console.log("[tests] REDIS_URL unset: tests that need Redis are skipped.");
}

export async function teardown(): Promise<void> {
  if (!created) return;
  const client = new pg.Client({ connectionString: created.admin });
  await client.connect();
  await client.query(`drop database if exists ${created.name} with (force)`);
  await client.end();
}
