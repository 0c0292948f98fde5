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
