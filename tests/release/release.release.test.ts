import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectClient, connected, subscribe, waitFor, type LiveEvent, type TestClient } from "../helpers/realtime";
import { freePort } from "../helpers/sidecar";
import { answers, balancer, runsAs, startProgram, type Running } from "./processes";

// The release artifacts as production runs them: built by scripts/release/build.sh (the Dockerfiles'
// own command) into a temp folder, then web ×2, realtime ×2 and a worker as separate unprivileged
// processes on a fresh PostgreSQL database and a Redis database of their own.
const root = path.resolve(import.meta.dirname, "../..");
const adminUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const redisBase = (process.env.REDIS_URL ?? "redis://127.0.0.1:6379").replace(/\/\d*$/, "");
const dbName = `tasklane_release_${randomBytes(4).toString("hex")}`;
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
// Rate-limit and cache keys of this run stay in a Redis database of their own (1–15).
const redisUrl = `${redisBase}/${1 + Math.floor(Math.random() * 15)}`;
const WEB_GRACE_MS = 25_000;
const REALTIME_GRACE_MS = 15_000;
const WORKER_GRACE_MS = 25_000;

const out = mkdtempSync(path.join(tmpdir(), "tasklane-release-"));
const running: Running[] = [];
const clients: TestClient[] = [];
let web1: Running, web2: Running, rt1: Running, rt2: Running, worker: Running;
let migrations: { code: number | null; output: string }[] = [];
let token = "";
let projectId = "";

async function api<T = any>(
  base: Running,
  method: string,
  pathname: string,
  body?: unknown,
  auth = token,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base.url}/api/v1${pathname}`, {
    method,
    headers: { "content-type": "application/json", ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as T };
}

const createTask = async (via: Running, title: string) => {
  const res = await api<{ id: string }>(via, "POST", `/projects/${projectId}/tasks`, { title });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};

// Production settings are checked as a whole, so the migration Job gets AUTH_SECRET too (the pods' secret).
function migrate(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const p = startProgram("migrate", path.join(out, "realtime"), ["migrate.mjs"], env, "");
  return p.exited.then((e) => ({ code: e.code, output: p.output() }));
}

beforeAll(async () => {
  chmodSync(out, 0o755);
  // The same command as the Dockerfiles; in CI it takes the `npm run build` already made.
  const built = spawnSync("sh", ["scripts/release/build.sh", out], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, REUSE_NEXT_BUILD: process.env.REUSE_NEXT_BUILD ?? "1" },
  });
  expect(built.status, "scripts/release/build.sh").toBe(0);

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();

  const [rtPort1, rtPort2, workerPort, webPort1, webPort2] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  const appUrl = `http://127.0.0.1:${webPort1}`;
  const env = {
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    APP_URL: appUrl,
    REALTIME_URL: `http://127.0.0.1:${rtPort1}`,
    LOG_LEVEL: "info",
    REALTIME_SWEEP_MS: "1000",
  };
  migrations = await Promise.all([migrate(env), migrate(env)]);

  const rt = (name: string, port: number) =>
    startProgram(name, path.join(out, "realtime"), ["realtime.mjs"], { ...env, REALTIME_PORT: String(port) }, `http://127.0.0.1:${port}`);
  const web = (name: string, port: number) =>
    startProgram(
      name,
      path.join(out, "web"),
      ["server.js"],
      { ...env, PORT: String(port), HOSTNAME: "127.0.0.1", RUN_WORKERS: "false", NEXT_TELEMETRY_DISABLED: "1" },
      `http://127.0.0.1:${port}`,
    );
  rt1 = rt("realtime-1", rtPort1);
  rt2 = rt("realtime-2", rtPort2);
  worker = startProgram(
    "worker",
    path.join(out, "realtime"),
    ["worker.mjs"],
    { ...env, WORKER_PORT: String(workerPort) },
    `http://127.0.0.1:${workerPort}`,
  );
  web1 = web("web-1", webPort1);
  web2 = web("web-2", webPort2);
  running.push(rt1, rt2, worker, web1, web2);
  await Promise.all([
    answers(rt1, "/health"),
    answers(rt2, "/health"),
    answers(worker, "/health"),
    answers(web1, "/api/health"),
    answers(web2, "/api/health"),
  ]);

  const email = `release-${randomBytes(4).toString("hex")}@example.com`;
  const password = "release smoke correct horse";
  expect((await api(web1, "POST", "/auth/register", { name: "Release Smoke", email, password }, "")).status).toBe(201);
  const login = await api<{ token: string }>(web1, "POST", "/auth/login", { email, password }, "");
  token = login.body.token;
  const slug = `rel-${randomBytes(3).toString("hex")}`;
  expect((await api(web1, "POST", "/workspaces", { name: "Release", slug })).status).toBe(201);
  const project = await api<{ id: string }>(web1, "POST", `/workspaces/${slug}/projects`, {
    name: "Release",
    key: "REL",
    visibility: "private",
  });
  expect(project.status).toBe(201);
  projectId = project.body.id;
}, 15 * 60_000);

afterAll(async () => {
  for (const c of clients) c.close();
  for (const p of running) if (p.proc.exitCode === null && p.proc.signalCode === null) p.signal("SIGKILL");
  await Promise.all(running.map((p) => p.exited));
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
  await admin.end();
  rmSync(out, { recursive: true, force: true });
});

describe(`release artifacts (web ×2, realtime ×2, worker; as ${runsAs})`, () => {
  it("the migration command ran twice at once: both exited 0 and every migration is applied once", async () => {
    expect(migrations).toHaveLength(2);
    for (const r of migrations) expect(r.code, r.output).toBe(0);
    const journal = JSON.parse(readFileSync(path.join(out, "realtime/db/migrations/meta/_journal.json"), "utf8")) as { entries: unknown[] };
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const { rows } = await db.query<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations");
    await db.end();
    expect(rows[0]!.n).toBe(journal.entries.length);
  });

  it("every process answers health and readiness (database and Redis checked), and metrics", async () => {
    for (const w of [web1, web2]) {
      expect((await fetch(`${w.url}/api/health`)).status).toBe(200);
      const ready = await fetch(`${w.url}/api/ready`);
      expect(await ready.json()).toMatchObject({ status: "ok", checks: { database: "ok", redis: "ok" } });
      expect(await (await fetch(`${w.url}/api/metrics`)).text()).toContain("process_cpu_user_seconds_total");
    }
    for (const r of [rt1, rt2]) {
      expect((await fetch(`${r.url}/health`)).status).toBe(200);
      expect(await (await fetch(`${r.url}/ready`)).json()).toMatchObject({ status: "ok", redis: "ready" });
      expect(await (await fetch(`${r.url}/metrics`)).text()).toContain("tasklane_realtime_sockets");
    }
    expect((await fetch(`${worker.url}/health`)).status).toBe(200);
    expect(await (await fetch(`${worker.url}/ready`)).json()).toMatchObject({ status: "ok", checks: { database: "ok", redis: "ok" } });
    expect(await (await fetch(`${worker.url}/metrics`)).text()).toContain("process_cpu_user_seconds_total");
  });

  it("web serves its pages and the static assets the standalone output does not hold by itself", async () => {
    const page = await fetch(`${web1.url}/`);
    expect(page.status).toBe(200);
    const asset = /\/_next\/static\/[^"'\s]+\.(?:js|css)/.exec(await page.text())?.[0];
    expect(asset, "a /_next/static URL in the page").toBeTruthy();
    expect((await fetch(`${web2.url}${asset}`)).status).toBe(200);
  });

  it("a task created through web 1 (REST) reaches a socket on realtime 2 through the worker", async () => {
    const c = connectClient(rt2.url, { token });
    clients.push(c);
    await connected(c);
    expect(await subscribe(c, { projectId })).toMatchObject({ ok: true });
    const task = await createTask(web1, "made on web 1");
    const got = await waitFor(() => c.events(projectId).find((e) => e.data.id === task.id), "task.created on realtime 2", 20_000);
    expect(got.type).toBe("task.created");
  });

  it("SIGKILL on realtime 1: its client reconnects to realtime 2 and replays what it missed, in order, once", async () => {
    const lb = await balancer([Number(new URL(rt1.url).port), Number(new URL(rt2.url).port)]);
    try {
      const c = connectClient(lb.url, { token }, { reconnection: true });
      clients.push(c);
      // Like the browser client: (re)subscribe on every connect, asking for what came after the last event seen.
      let last = 0;
      const acks: { ok: boolean; lastEventId?: number }[] = [];
      c.socket.on("connect", () => void subscribe(c, { projectId, ...(last ? { since: last } : {}) }).then((a) => acks.push(a)));
      c.socket.onAny((_name: string, body: LiveEvent) => {
        if (body?.projectId === projectId && typeof body.id === "number") last = Math.max(last, body.id);
      });
      await connected(c);
      await waitFor(() => acks.length === 1, "the first subscription");
      const seen = await createTask(web1, "seen before the kill");
      await waitFor(() => c.events(projectId).some((e) => e.data.id === seen.id), "the task before the kill");
      const before = c.events(projectId).length;

      const disconnected = new Promise((resolve) => c.socket.once("disconnect", resolve));
      rt1.signal("SIGKILL");
      expect((await rt1.exited).signal).toBe("SIGKILL");
      await disconnected;
      // Changes made while the client has no server (the balancer still points at the dead target).
      const missed = [await createTask(web2, "missed 1"), await createTask(web2, "missed 2"), await createTask(web1, "missed 3")];
      lb.failover();
      await waitFor(() => acks.length === 2, "the resubscription on realtime 2", 20_000);
      expect(acks[1]).toMatchObject({ ok: true });
      const got = await waitFor(
        () => {
          const after = c.events(projectId).slice(before);
          return after.length >= missed.length && after;
        },
        "the missed events",
        20_000,
      );
      expect(got.map((e) => e.data.id)).toEqual(missed.map((t) => t.id));
      const ids = c.events(projectId).map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    } finally {
      await lb.close();
    }
  });

  it("SIGTERM on web 2: it stops accepting, finishes the request in flight and exits 0 within its grace period", async () => {
    // A request in flight: headers and half the body sent before SIGTERM, the rest after.
    const body = JSON.stringify({ title: "in flight during SIGTERM" });
    const { port } = new URL(web2.url);
    let sent = 0;
    const response = new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: `/api/v1/projects/${projectId}/tasks`,
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), authorization: `Bearer ${token}` },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        sent = web2.signal("SIGTERM");
        setTimeout(() => req.end(body.slice(10)), 500);
      }, 300);
    });
    expect(await response).toBe(201);
    const exit = await web2.exited;
    expect(exit.code, web2.output().slice(-2000)).toBe(0);
    expect(exit.at - sent).toBeLessThan(WEB_GRACE_MS);
    expect(web2.output()).toContain("web drained");
    await expect(fetch(`${web2.url}/api/health`)).rejects.toThrow();
  });

  it("SIGTERM on realtime 2: its clients are told, disconnected, and it exits 0 within its grace period", async () => {
    const c = connectClient(rt2.url, { token });
    clients.push(c);
    await connected(c);
    const disconnected = new Promise<string>((resolve) => c.socket.once("disconnect", (reason) => resolve(reason)));
    const sent = rt2.signal("SIGTERM");
    expect(await disconnected).toBe("transport close");
    expect(c.received.some((r) => r.name === "server.draining")).toBe(true);
    const exit = await rt2.exited;
    expect(exit.code, rt2.output().slice(-2000)).toBe(0);
    expect(exit.at - sent).toBeLessThan(REALTIME_GRACE_MS);
    expect(rt2.output()).toContain("realtime drained");
  });

  it("SIGTERM on the worker: it finishes its batches and exits 0 within its grace period, and web 1 still serves", async () => {
    await createTask(web1, "while the worker stops");
    const sent = worker.signal("SIGTERM");
    const exit = await worker.exited;
    expect(exit.code, worker.output().slice(-2000)).toBe(0);
    expect(exit.at - sent).toBeLessThan(WORKER_GRACE_MS);
    expect(worker.output()).toContain("worker drained");
    expect((await fetch(`${web1.url}/api/ready`)).status).toBe(200);
  });

  it("no process tried to write outside /tmp (the image's root file system is read-only)", () => {
    for (const p of running) expect(p.output(), p.name).not.toMatch(/EACCES|EROFS|permission denied/i);
  });
});
