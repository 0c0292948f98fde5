import { eq } from "drizzle-orm";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { database } from "@/db/client";
import { authTokens } from "@/db/schema";
import { ACTOR_CACHE_TTL_MS } from "@/server/auth/actor-cache";
import { api } from "../helpers/app";
import { createUser, expectProblem, PASSWORD } from "../helpers/factories";

// Route handlers cache token → actor briefly in memory (server/auth/actor-cache.ts): every way a
// token stops working must still take effect at once, here and in the other web processes.
const me = (token: string) => api.get("/api/v1/me", { token });

describe("the in-process token cache", () => {
  it("logout ends the cached token at once", async () => {
    const u = await createUser();
    expect((await me(u.token)).status).toBe(200);
    expect((await me(u.token)).status).toBe(200);
    expect((await api.post("/api/v1/auth/logout", undefined, { token: u.token })).status).toBe(204);
    expectProblem(await me(u.token), 401);
  });

  it("a revoked personal token stops at once", async () => {
    const u = await createUser();
    const pat = await api.post("/api/v1/tokens", { name: "ci" }, { token: u.token });
    expect(pat.status).toBe(201);
    expect((await me(pat.body.token)).status).toBe(200);
    expect((await api.delete(`/api/v1/tokens/${pat.body.id}`, { token: u.token })).status).toBe(204);
    expectProblem(await me(pat.body.token), 401);
    expect((await me(u.token)).status).toBe(200);
  });

  it("a password change ends the other cached sessions at once and keeps the current one", async () => {
    const u = await createUser();
    const other = await api.post("/api/v1/auth/login", { email: u.email, password: PASSWORD }, { ip: u.ip });
    expect((await me(other.body.token)).status).toBe(200);
    const changed = await api.patch("/api/v1/me", { password: `${PASSWORD} changed`, currentPassword: PASSWORD }, { token: u.token });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expectProblem(await me(other.body.token), 401);
    expect((await me(u.token)).status).toBe(200);
  });

  it("a revocation by another process reaches this one through Redis at once, and within the TTL without it", async () => {
    const u = await createUser();
    expect((await me(u.token)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200)); // the subscription is up (it clears the cache when it comes up)
    expect((await me(u.token)).status).toBe(200);
    const db = await database();
    const [row] = await db.update(authTokens).set({ revokedAt: new Date() }).where(eq(authTokens.userId, u.id)).returning();
    const url = process.env.REDIS_URL;
    if (url) {
      // Revoked in the database only: this process still answers from its cache until told.
      expect((await me(u.token)).status).toBe(200);
      // What another pod's forgetRevokedTokens sends.
      const other = new Redis(url);
      await other.publish("tasklane:tokens-revoked", JSON.stringify({ tokenId: row!.id }));
      await other.quit();
      await expect.poll(async () => (await me(u.token)).status, { timeout: 1000, interval: 20 }).toBe(401);
    } else {
      // Embedded mode is one process; the TTL still bounds a change made outside the services.
      await new Promise((r) => setTimeout(r, ACTOR_CACHE_TTL_MS + 100));
      expectProblem(await me(u.token), 401);
    }
  });
});
