// `npm run test:e2e`: browser tests against a production build on a throwaway database.
// Reuses .next/BUILD_ID when present (CI builds once), starts `next start` on a free port
// with a fresh PGlite DATA_DIR (or a fresh PostgreSQL database when DATABASE_URL is set),
// runs the scenarios, prints "N passed, N failed", stops the server and drops the data.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "../..");
const next = path.join(root, "node_modules/next/dist/bin/next");

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function assertLocal(url) {
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(url.hostname)) {
    throw new Error(`Refusing to create an e2e database on a non-local server (${url.hostname})`);
  }
}

async function freshDatabase(adminUrl) {
  const url = new URL(adminUrl);
  assertLocal(url);
  const name = `tasklane_e2e_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function waitReady(base, server, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      const res = await fetch(`${base}/api/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${base}/api/ready did not answer 200 within ${timeoutMs / 1000}s`);
}

async function main() {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("[e2e] no production build: running next build");
    const build = spawnSync(process.execPath, [next, "build"], { stdio: "inherit", cwd: root });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const [port, realtimePort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "tasklane-e2e-"));
  const db = process.env.DATABASE_URL ? await freshDatabase(process.env.DATABASE_URL) : null;
  const env = {
    NEXT_TELEMETRY_DISABLED: "1",
    ...process.env,
    NODE_ENV: "production",
    APP_URL: base,
    REALTIME_PORT: String(realtimePort),
    REALTIME_URL: `http://127.0.0.1:${realtimePort}`,
    DATA_DIR: dataDir,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
    DATABASE_URL: db?.url ?? "",
    // Redis without PostgreSQL has no sidecar to serve live updates: run embedded then.
    REDIS_URL: db ? (process.env.REDIS_URL ?? "") : "",
  };
  const sidecar = Boolean(env.REDIS_URL && env.DATABASE_URL);
  console.log(`[e2e] server ${base} on ${db ? "PostgreSQL" : "PGlite"}; realtime ${env.REALTIME_URL} (${sidecar ? "sidecar through Redis" : "in process"})`);
  const server = spawn(process.execPath, [next, "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"], detached: true });
  // With Redis the app publishes events and the Socket.IO sidecar serves them, as in production.
  const realtime = sidecar
    ? spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "realtime/main.ts")], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"], detached: true })
    : null;
  let code = 1;
  try {
    await waitReady(base, server);
    const run = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "tests/e2e/main.ts")], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, E2E_BASE_URL: base, E2E_REALTIME_URL: env.REALTIME_URL },
    });
    code = run.status ?? 1;
  } catch (error) {
    console.error(`[e2e] ${error instanceof Error ? error.message : error}`);
    console.log("0 passed, 1 failed");
  } finally {
    for (const child of [server, realtime]) {
      try {
        if (child) process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await new Promise((r) => setTimeout(r, 1000));
    await db?.drop().catch((e) => console.error(`[e2e] could not drop the database: ${e.message}`));
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(code);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
