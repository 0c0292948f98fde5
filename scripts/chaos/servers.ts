// Throwaway redis-server and PostgreSQL instances on free loopback ports, for outage drills (`npm run chaos`)
// and outage tests. Never the machine's shared servers: each lives in its own temporary directory and is
// stopped, restarted and removed by whoever started it.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { Redis } from "ioredis";

const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export type ThrowawayRedis = { url: string; port: number; start(): Promise<void>; stop(): Promise<void> };

/** A redis-server without persistence; stop() ends it like a lost node (SIGKILL), start() brings it back on the same port, empty. */
export async function throwawayRedis(): Promise<ThrowawayRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let proc: ChildProcess | undefined;
  const ping = async () => {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on("error", () => undefined);
    try {
      await probe.connect();
      return (await probe.ping()) === "PONG";
    } finally {
      probe.disconnect();
    }
  };
  const redis: ThrowawayRedis = {
    url,
    port,
    async start() {
      proc = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
        stdio: "ignore",
      });
      await until(ping, `redis-server on ${port}`, 15_000);
    },
    async stop() {
      const p = proc;
      if (!p || p.exitCode !== null || p.signalCode !== null) return;
      const gone = new Promise((r) => p.once("exit", r));
      p.kill("SIGKILL");
      await gone;
    },
  };
  await redis.start();
  return redis;
}

export type ThrowawayPostgres = {
  /** Connection string for the `postgres` database as superuser `postgres` (trust auth, loopback only). */
  url: string;
  port: number;
  dir: string;
  start(): Promise<void>;
  /** Fast shutdown: sessions are ended, new connections refused (what a restart or failover looks like to clients). */
  stop(): Promise<void>;
  /** Stops the server and deletes its directory. */
  destroy(): Promise<void>;
};

/** Runs a PostgreSQL binary, as the `postgres` user when we are root (the server refuses to run as root). */
function pgCommand(bin: string, args: string[]): { command: string; args: string[] } {
  const full = path.join(PG_BIN, bin);
  if (process.getuid?.() === 0) return { command: "runuser", args: ["-u", "postgres", "--", full, ...args] };
  return { command: full, args };
}

/** Async, so a caller measuring latencies meanwhile (the chaos load) is not frozen while pg_ctl waits. */
function runPg(bin: string, args: string[]): Promise<void> {
  const { command, args: argv } = pgCommand(bin, args);
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    child.once("error", reject);
    child.once("close", (code) => (code === 0 ? resolve() : reject(new Error(`${bin} ${args.join(" ")} failed (${code}): ${output}`))));
  });
}

/** initdb in a fresh temporary directory, started on a free loopback port; fsync off (throwaway data). */
export async function throwawayPostgres(): Promise<ThrowawayPostgres> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), "tasklane-pg-"));
  chmodSync(dir, 0o777); // the postgres user writes here when we run as root
  const data = path.join(dir, "data");
  await runPg("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  const accepts = async () => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    client.on("error", () => undefined);
    try {
      await client.connect();
      await client.query("select 1");
      return true;
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  let running = false;
  const server: ThrowawayPostgres = {
    url,
    port,
    dir,
    async start() {
      await runPg("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "start"]);
      running = true;
      await until(accepts, `PostgreSQL on ${port}`, 30_000);
    },
    async stop() {
      if (!running) return;
      await runPg("pg_ctl", ["-D", data, "-m", "fast", "-w", "-t", "60", "stop"]);
      running = false;
    },
    async destroy() {
      try {
        await server.stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  await server.start();
  return server;
}
