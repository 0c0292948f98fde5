import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { createThrowawayDatabase, type ThrowawayDatabase } from "./local-database";

const root = path.resolve(import.meta.dirname, "../../..");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const tsxBin = path.join(root, "node_modules/tsx/dist/cli.mjs");

export type RunningServer = { baseURL: string; realtimeURL: string; authSecret: string; stop: () => Promise<void> };

/**
 * The production build on a throwaway database: reuses .next/BUILD_ID (CI builds once) else runs
 * `next build`; `next start` on a free port with a fresh PGlite DATA_DIR, or a fresh PostgreSQL
 * database when DATABASE_URL is set; with REDIS_URL too, the Socket.IO sidecar as in production.
 */
export async function startServer(
  opts: {
    /** Services the app must know at start (the loopback OIDC provider): started here, once the address is known. */
    extraEnv?: (baseURL: string) => Promise<{ env: Record<string, string>; stop: () => Promise<void> }>;
    /** Replace settings after the defaults (e.g. an https APP_URL to see production cookies). */
    overrides?: Record<string, string>;
  } = {},
): Promise<RunningServer> {
  const { extraEnv = async () => ({ env: {}, stop: async () => undefined }), overrides = {} } = opts;
  buildOnce();
  const [port, realtimePort] = [await freePort(), await freePort()];
  // The browser reaches the app as http://localhost:PORT, not 127.0.0.1: Next.js rewrites a loopback IP to
  // "localhost" in the URL route handlers see, so on 127.0.0.1 the SSO callback would compute another
  // redirect_uri than the authorization request did (invalid_grant) and would miss its cookies. The
  // realtime URL shares the host so the browser sends it the session cookie, as on one public host.
  const baseURL = `http://localhost:${port}`;
  const extra = await extraEnv(baseURL);
  const realtimeURL = `http://localhost:${realtimePort}`;
  const authSecret = randomBytes(32).toString("base64url");
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "tasklane-e2e-"));
  const children: ChildProcess[] = [];
  let db: ThrowawayDatabase | null = null;

  const stop = async () => {
    for (const child of children) killGroup(child);
    await new Promise((r) => setTimeout(r, 1000));
    await db?.drop().catch((e: Error) => console.error(`[e2e] could not drop the database: ${e.message}`));
    rmSync(dataDir, { recursive: true, force: true });
    await extra.stop();
  };

  try {
    db = process.env.DATABASE_URL ? await createThrowawayDatabase(process.env.DATABASE_URL) : null;
    const env: NodeJS.ProcessEnv = {
      NEXT_TELEMETRY_DISABLED: "1",
      ...process.env,
      NODE_ENV: "production",
      APP_URL: baseURL,
      REALTIME_PORT: String(realtimePort),
      REALTIME_URL: realtimeURL,
      DATA_DIR: dataDir,
      AUTH_SECRET: authSecret,
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
      DATABASE_URL: db?.url ?? "",
      // Redis without PostgreSQL has no sidecar to serve live updates: run embedded then.
      REDIS_URL: db ? (process.env.REDIS_URL ?? "") : "",
      ...extra.env,
      ...overrides,
    };
    const sidecar = Boolean(env.REDIS_URL && env.DATABASE_URL);
    console.log(
      `[e2e] server ${baseURL} on ${db ? "PostgreSQL" : "PGlite"}; realtime ${realtimeURL} (${sidecar ? "sidecar through Redis" : "in process"})`,
    );
    const server = launch([nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], env);
    children.push(server);
    // With Redis the app publishes events and the Socket.IO sidecar serves them, as in production.
    if (sidecar) children.push(launch([tsxBin, path.join(root, "realtime/main.ts")], env));
    await waitReady(baseURL, server);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseURL, realtimeURL, authSecret, stop };
}

function buildOnce(): void {
  if (existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  console.log("[e2e] no production build: running next build");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", cwd: root });
  if (build.status !== 0) throw new Error(`next build exited with ${build.status}`);
}

function launch(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"], detached: true });
}

function killGroup(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
  } catch {
    // already gone
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitReady(baseURL: string, server: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${baseURL}/api/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${baseURL}/api/ready did not answer 200 within ${timeoutMs / 1000}s`);
}
