import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { throwawayPostgres, throwawayRedis, type ThrowawayPostgres, type ThrowawayRedis } from "../../scripts/chaos/servers";
import { api } from "../helpers/app";
import { expectProblem, type TestUser } from "../helpers/factories";
import { createTestProject, type TestProject } from "../helpers/projects";
import { waitFor } from "../helpers/realtime";

// Our own redis-server and PostgreSQL (never the machine's), stopped under the route handlers: Redis
// away degrades, PostgreSQL away answers 503 problem+json with Retry-After, fast, and both come back
// without a restart of this process (its pool and Redis client reconnect by themselves).
const ready = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL && existsSync("/usr/lib/postgresql/15/bin/initdb"));
if (!ready) console.log("[outage-http] skipped: needs DATABASE_URL, REDIS_URL and PostgreSQL 15's initdb");

let redis: ThrowawayRedis | undefined;
let postgres: ThrowawayPostgres | undefined;
if (ready) {
  // Set before anything reads the settings: this process's app uses these servers.
  [redis, postgres] = await Promise.all([throwawayRedis(), throwawayPostgres()]);
  process.env.DATABASE_URL = postgres.url;
  process.env.REDIS_URL = redis.url;
}

const timed = async <T>(p: Promise<T>) => {
  const started = performance.now();
  const value = await p;
  return { value, ms: performance.now() - started };
};

describe.skipIf(!ready)("outages under the route handlers", () => {
  let project: TestProject;
  let owner: TestUser;

  beforeAll(async () => {
    ({ project, owner } = await createTestProject());
  }, 60_000);

  afterAll(async () => {
    const { closeDatabase } = await import("@/db/client");
    const { closeRedis } = await import("@/server/redis");
    await closeDatabase().catch(() => undefined);
    await closeRedis().catch(() => undefined);
    await redis?.stop();
    await postgres?.destroy();
  });

  it("Redis away: requests still succeed, fast, and /api/ready is 200 degraded", async () => {
    const token = owner.token;
    // Loaded once before the cut, so the timing below is the request's, not the first import of its route.
    expect((await api.post(`/api/v1/projects/${project.id}/tasks`, { title: "warm" }, { token })).status).toBe(201);
    await redis!.stop();
    try {
      for (let i = 0; i < 5; i++) {
        const { value: created, ms } = await timed(api.post(`/api/v1/projects/${project.id}/tasks`, { title: `no redis ${i}` }, { token }));
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        expect(ms).toBeLessThan(2000);
        // Rate limits still count, in this process's memory.
        expect(Number(created.headers.get("ratelimit-remaining"))).toBeGreaterThan(0);
      }
      const readiness = await api.get("/api/ready");
      expect(readiness.status).toBe(200);
      expect(readiness.body).toEqual({ status: "degraded", checks: { database: "ok", redis: "fail" } });
    } finally {
      await redis!.start();
    }
    await waitFor(async () => (await api.get("/api/ready")).body.status === "ok", "Redis to be ready again", 15_000, 100);
  }, 60_000);

  it("PostgreSQL away: 503 problem+json with Retry-After within 2 s, not ready, then back without a restart", async () => {
    const token = owner.token;
    await postgres!.stop();
    try {
      // Past the in-process token cache, so authentication needs the database too.
      await new Promise((r) => setTimeout(r, 5_100));
      for (const send of [
        () => api.post(`/api/v1/projects/${project.id}/tasks`, { title: "no database" }, { token }),
        () => api.get(`/api/v1/projects/${project.id}/tasks`, { token }),
        () => api.post("/api/v1/auth/login", { email: owner.email, password: "whatever it is, wrong" }),
      ]) {
        const { value: res, ms } = await timed(send());
        expectProblem(res, 503);
        expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
        expect(ms).toBeLessThan(2000);
      }
      const readiness = await api.get("/api/ready");
      expect(readiness.status).toBe(503);
      expect(readiness.body.checks.database).toBe("fail");
    } finally {
      await postgres!.start();
    }
    const started = performance.now();
    const created = await waitFor(
      async () => {
        const res = await api.post(`/api/v1/projects/${project.id}/tasks`, { title: "database back" }, { token });
        return res.status === 201 ? res : undefined;
      },
      "a create to succeed after the restart",
      5_000,
      100,
    );
    expect(performance.now() - started).toBeLessThan(5_000);
    expect((await api.get(`/api/v1/tasks/${created.body.id}`, { token })).status).toBe(200);
    expect((await api.get("/api/ready")).status).toBe(200);
  }, 90_000);
});
