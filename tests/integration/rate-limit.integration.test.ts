import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/app";
import { createUser, expectProblem, randomIp } from "../helpers/factories";

// Small limits for this file only: the settings are re-read after the change.
const saved = { user: process.env.RATE_LIMIT_PER_MINUTE, ip: process.env.RATE_LIMIT_PER_IP_PER_MINUTE };
const resetSettings = () => ((globalThis as { __tasklaneSettings?: unknown }).__tasklaneSettings = undefined);

beforeAll(() => {
  process.env.RATE_LIMIT_PER_MINUTE = "5";
  process.env.RATE_LIMIT_PER_IP_PER_MINUTE = "8";
  resetSettings();
});
afterAll(() => {
  process.env.RATE_LIMIT_PER_MINUTE = saved.user;
  process.env.RATE_LIMIT_PER_IP_PER_MINUTE = saved.ip;
  resetSettings();
});

describe("API rate limits", () => {
  it("limits a user, whatever address they call from, and says when to come back", async () => {
    const u = await createUser();
    const remaining: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await api.get("/api/v1/me", { token: u.token, ip: randomIp() });
      expect(res.status).toBe(200);
      remaining.push(Number(res.headers.get("ratelimit-remaining")));
    }
    expect(remaining).toEqual([4, 3, 2, 1, 0]);
    const refused = await api.get("/api/v1/me", { token: u.token, ip: randomIp() });
    expectProblem(refused, 429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
  });

  it("limits an address across users, and anonymous callers by address", async () => {
    const [a, b] = [await createUser(), await createUser()];
    const shared = randomIp();
    for (let i = 0; i < 5; i++) expect((await api.get("/api/v1/me", { token: a.token, ip: shared })).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await api.get("/api/v1/me", { token: b.token, ip: shared })).status).toBe(200);
    // The address is spent (8) though b has used only 3 of its 5 (the refused call counts as its 4th).
    expectProblem(await api.get("/api/v1/me", { token: b.token, ip: shared }), 429);
    expect((await api.get("/api/v1/me", { token: b.token, ip: randomIp() })).status).toBe(200);

    const anon = randomIp();
    for (let i = 0; i < 8; i++) expect((await api.get("/api/health", { ip: anon })).status).toBe(200);
    expectProblem(await api.get("/api/health", { ip: anon }), 429);
  });
});

describe("leased points (Redis limiter far from its ceiling)", () => {
  it("counts every request exactly: the headers, and the refusal lands on request 201, also under concurrency", async () => {
    process.env.RATE_LIMIT_PER_MINUTE = "200";
    process.env.RATE_LIMIT_PER_IP_PER_MINUTE = "100000";
    resetSettings();
    try {
      const u = await createUser();
      const serial: number[] = [];
      for (let i = 0; i < 60; i++) {
        const res = await api.get("/api/v1/me", { token: u.token, ip: randomIp() });
        expect(res.status).toBe(200);
        serial.push(Number(res.headers.get("ratelimit-remaining")));
      }
      expect(serial).toEqual(Array.from({ length: 60 }, (_, i) => 199 - i));
      // 140 left: 130 at once are all admitted (leases never lose a point), then 10 more one by one, then refused.
      const burst = await Promise.all(Array.from({ length: 130 }, () => api.get("/api/v1/me", { token: u.token, ip: randomIp() })));
      expect(burst.filter((r) => r.status === 200).length).toBe(130);
      for (let i = 0; i < 10; i++) expect((await api.get("/api/v1/me", { token: u.token, ip: randomIp() })).status).toBe(200);
      expectProblem(await api.get("/api/v1/me", { token: u.token, ip: randomIp() }), 429);
    } finally {
      process.env.RATE_LIMIT_PER_MINUTE = "5";
      process.env.RATE_LIMIT_PER_IP_PER_MINUTE = "8";
      resetSettings();
    }
  });
  it("counts the address the trusted proxy saw, whatever X-Forwarded-For entries the client forged before it", async () => {
    const real = randomIp();
    // TRUSTED_PROXIES=1 in the tests: only the right-most entry (the proxy's) counts.
    for (let i = 0; i < 8; i++) expect((await api.get("/api/health", { ip: `${randomIp()}, ${real}` })).status).toBe(200);
    expectProblem(await api.get("/api/health", { ip: `${randomIp()}, ${randomIp()}, ${real}` }), 429);
  });
});
