import { randomBytes } from "node:crypto";
import pg from "pg";

const LOCAL_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"];

/** The browser tests create and drop whole databases: never anywhere but on this machine. */
export function assertLocalDatabase(adminUrl: string): URL {
  const url = new URL(adminUrl);
  if (!LOCAL_HOSTS.includes(url.hostname)) {
    throw new Error(`Refusing to run the browser tests against a non-local database (${url.hostname}); use a PostgreSQL on 127.0.0.1`);
  }
  return url;
}

export type ThrowawayDatabase = { url: string; drop: () => Promise<void> };

/** A fresh, empty database beside `adminUrl`; `drop()` removes it even while connections remain. */
export async function createThrowawayDatabase(adminUrl: string): Promise<ThrowawayDatabase> {
  const url = assertLocalDatabase(adminUrl);
  const name = `tasklane_e2e_${randomBytes(6).toString("hex")}`;
  await withClient(adminUrl, (c) => c.query(`create database ${name}`));
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withClient(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

async function withClient<T>(connectionString: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
