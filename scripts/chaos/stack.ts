// The drill's stack: throwaway redis-server and PostgreSQL, 2 realtime sidecars and the web instances of the
// production build (started by bench's code), and a user with a project made through the API.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startRealtime, startWeb } from "../../bench/lib/app";
import { migrateDatabase } from "../../bench/lib/database";
import { stopAll, type Proc } from "../../bench/lib/processes";
import { throwawayPostgres, throwawayRedis, type ThrowawayPostgres, type ThrowawayRedis } from "./servers";

type Service = { proc: Proc; url: string };
export type Stack = {
  redis: ThrowawayRedis;
  postgres: ThrowawayPostgres;
  webs: Service[];
  sidecars: [Service, Service];
  token: string;
  project: { id: string };
};

let redis: ThrowawayRedis | undefined;
let postgres: ThrowawayPostgres | undefined;
let dataDir: string | undefined;

/** Stops whatever startStack got to start. */
export async function stopStack(log: (m: string) => void): Promise<void> {
  await stopAll();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  await redis?.stop().catch(() => undefined);
  await postgres?.destroy().catch((e: unknown) => log(`PostgreSQL cleanup: ${(e as Error).message}`));
}

export async function api<T>(base: string, method: string, url: string, body?: unknown, token?: string): Promise<T> {
  const res = await fetch(base + url, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function startStack(opts: { webs: number; out: string }, log: (m: string) => void): Promise<Stack> {
  [redis, postgres] = await Promise.all([throwawayRedis(), throwawayPostgres()]);
  log(`throwaway redis ${redis.url}, PostgreSQL ${postgres.url} (${postgres.dir})`);
  await migrateDatabase(postgres.url);
  const env = {
    NODE_ENV: "production",
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    RATE_LIMIT_PER_MINUTE: "1000000",
    RATE_LIMIT_PER_IP_PER_MINUTE: "1000000",
    DATA_DIR: (dataDir = mkdtempSync(path.join(tmpdir(), "tasklane-chaos-"))),
    LOG_LEVEL: "warn",
  };
  const sidecars = await Promise.all([startRealtime("realtime-1", env), startRealtime("realtime-2", env)]);
  if (sidecars.some((s) => !s)) throw new Error("no realtime sidecar (realtime/main.ts)");
  const [side1, side2] = sidecars as NonNullable<(typeof sidecars)[number]>[];
  const webs = await Promise.all(
    Array.from({ length: opts.webs }, (_, i) =>
      startWeb({ ...env, REALTIME_URL: side1!.url }, path.join(opts.out, "captures"), `web-${i + 1}`),
    ),
  );
  log(`web ${webs.map((w) => w.url).join(", ")}; sidecars ${side1!.url}, ${side2!.url}`);

  // A user, a workspace and a project, through the API.
  const base = webs[0]!.url;
  const account = {
    name: "Chaos Monkey",
    email: `chaos-${randomBytes(4).toString("hex")}@example.com`,
    password: "chaos drill: stop redis, stop postgres",
  };
  await api(base, "POST", "/api/v1/auth/register", account);
  const { token } = await api<{ token: string }>(base, "POST", "/api/v1/auth/login", { email: account.email, password: account.password });
  await api(base, "POST", "/api/v1/workspaces", { name: "Chaos", slug: "chaos" }, token);
  const project = await api<{ id: string }>(
    base,
    "POST",
    "/api/v1/workspaces/chaos/projects",
    { name: "Chaos", key: "CHS", visibility: "private" },
    token,
  );

  // Each instance loads its routes once before the clock runs (a cold route's first import is not an outage).
  for (const w of webs) {
    const task = await api<{ id: string }>(w.url, "POST", `/api/v1/projects/${project.id}/tasks`, { title: "warm-up" }, token);
    await api(w.url, "PATCH", `/api/v1/tasks/${task.id}`, { title: "warm-up, edited" }, token);
    await api(w.url, "GET", `/api/v1/tasks/${task.id}`, undefined, token);
    await api(w.url, "GET", `/api/v1/projects/${project.id}/tasks?limit=20`, undefined, token);
    await fetch(`${w.url}/api/ready`).then((r) => r.arrayBuffer());
  }

  return { redis, postgres, webs, sidecars: [side1!, side2!], token, project };
}
