import { describe, expect, it } from "vitest";
import { api } from "../helpers/app";
import { createUser, expectProblem, PASSWORD, randomIp, unique } from "../helpers/factories";

describe("register", () => {
  it("creates an account and never returns the password", async () => {
    const email = `${unique("reg")}@example.test`;
    const res = await api.post("/api/v1/auth/register", { name: "Ada", email, password: PASSWORD }, { ip: randomIp() });
    expect(res.status).toBe(201);
    expect(res.body.user).toEqual({ id: expect.any(String), email, name: "Ada", createdAt: expect.any(String) });
    expect(JSON.stringify(res.body)).not.toContain("password");
  });

  it("refuses a duplicate email (409), case-insensitively", async () => {
    const u = await createUser();
    const res = await api.post(
      "/api/v1/auth/register",
      { name: "X", email: u.email.toUpperCase(), password: PASSWORD },
      { ip: randomIp() },
    );
    expectProblem(res, 409);
  });

  it("refuses short and common passwords with field errors (422)", async () => {
    const email = `${unique("pw")}@example.test`;
    const short = await api.post("/api/v1/auth/register", { name: "A", email, password: "short" }, { ip: randomIp() });
    expectProblem(short, 422);
    expect(short.body.errors).toContainEqual({ path: "password", message: expect.stringContaining("12") });
    const common = await api.post("/api/v1/auth/register", { name: "A", email, password: "password1234" }, { ip: randomIp() });
    expectProblem(common, 422);
    expect(common.body.errors[0].path).toBe("password");
    const login = await api.post("/api/v1/auth/login", { email, password: "password1234" }, { ip: randomIp() });
    expectProblem(login, 401);
  });

  it("answers malformed JSON with 400, a wrong content type with 415, an empty body with 422", async () => {
    const ip = randomIp();
    const bad = await api.post("/api/v1/auth/register", undefined, {
      rawBody: "{nope",
      headers: { "content-type": "application/json" },
      ip,
    });
    expectProblem(bad, 400);
    const text = await api.post("/api/v1/auth/register", undefined, { rawBody: "name=a", headers: { "content-type": "text/plain" }, ip });
    expectProblem(text, 415);
    const empty = await api.post("/api/v1/auth/register", undefined, { rawBody: "", headers: { "content-type": "application/json" }, ip });
    expectProblem(empty, 422);
    const array = await api.post("/api/v1/auth/register", [], { ip });
    expectProblem(array, 422);
  });

  it("answers an oversized body with 413", async () => {
    const res = await api.post(
      "/api/v1/auth/register",
      { name: "x".repeat(2 * 1024 * 1024), email: "a@b.test", password: PASSWORD },
      { ip: randomIp() },
    );
    expectProblem(res, 413);
  });
});

describe("login and logout", () => {
  it("gives the same answer for an unknown email and a wrong password", async () => {
    const u = await createUser();
    const wrong = await api.post("/api/v1/auth/login", { email: u.email, password: "wrong password 123" }, { ip: randomIp() });
    const unknown = await api.post(
      "/api/v1/auth/login",
      { email: `${unique("nobody")}@example.test`, password: "wrong password 123" },
      { ip: randomIp() },
    );
    expectProblem(wrong, 401);
    expectProblem(unknown, 401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it("throttles failed logins per account, and a success does not count", async () => {
    const u = await createUser();
    for (let i = 0; i < 9; i++) {
      expect((await api.post("/api/v1/auth/login", { email: u.email, password: "wrong password 123" }, { ip: randomIp() })).status).toBe(
        401,
      );
    }
    expect((await api.post("/api/v1/auth/login", { email: u.email, password: PASSWORD }, { ip: randomIp() })).status).toBe(200);
    for (let i = 0; i < 10; i++)
      await api.post("/api/v1/auth/login", { email: u.email, password: "wrong password 123" }, { ip: randomIp() });
    const blocked = await api.post("/api/v1/auth/login", { email: u.email, password: PASSWORD }, { ip: randomIp() });
    expectProblem(blocked, 429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("logout revokes the presented token at once", async () => {
    const u = await createUser();
    expect((await api.get("/api/v1/me", { token: u.token })).status).toBe(200);
    expect((await api.post("/api/v1/auth/logout", undefined, { token: u.token })).status).toBe(204);
    expectProblem(await api.get("/api/v1/me", { token: u.token }), 401);
  });

  it("refuses requests without or with a bogus token (401)", async () => {
    expectProblem(await api.get("/api/v1/me"), 401);
    expectProblem(await api.get("/api/v1/me", { token: "tls_bogus" }), 401);
    expectProblem(await api.post("/api/v1/auth/logout"), 401);
  });
});

describe("me", () => {
  it("reads and renames the caller", async () => {
    const u = await createUser();
    const me = await api.get("/api/v1/me", { token: u.token });
    expect(me.body).toEqual({
      id: u.id,
      email: u.email,
      name: u.name,
      createdAt: expect.any(String),
      emailVerified: false,
      twoFactorEnabled: false,
    });
    const renamed = await api.patch("/api/v1/me", { name: "Grace" }, { token: u.token });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe("Grace");
  });

  it("changes the password only with the current one, and ends other sessions", async () => {
    const u = await createUser();
    const other = await api.post("/api/v1/auth/login", { email: u.email, password: PASSWORD }, { ip: randomIp() });
    const wrong = await api.patch(
      "/api/v1/me",
      { password: "a brand new passphrase", currentPassword: "not it at all" },
      { token: u.token },
    );
    expectProblem(wrong, 422);
    expect(wrong.body.errors[0].path).toBe("currentPassword");
    const missing = await api.patch("/api/v1/me", { password: "a brand new passphrase" }, { token: u.token });
    expectProblem(missing, 422);
    const ok = await api.patch("/api/v1/me", { password: "a brand new passphrase", currentPassword: PASSWORD }, { token: u.token });
    expect(ok.status).toBe(200);
    expect((await api.get("/api/v1/me", { token: u.token })).status).toBe(200);
    expectProblem(await api.get("/api/v1/me", { token: other.body.token }), 401);
    const relog = await api.post("/api/v1/auth/login", { email: u.email, password: "a brand new passphrase" }, { ip: randomIp() });
    expect(relog.status).toBe(200);
  });

  it("refuses bad input (422) and changes nothing", async () => {
    const u = await createUser();
    expectProblem(await api.patch("/api/v1/me", { name: "" }, { token: u.token }), 422);
    expectProblem(await api.patch("/api/v1/me", { name: 42 }, { token: u.token }), 422);
    expect((await api.get("/api/v1/me", { token: u.token })).body.name).toBe(u.name);
  });
});

describe("personal access tokens", () => {
  it("shows a token once, lists it without the secret, and revokes it at once", async () => {
    const u = await createUser();
    const created = await api.post("/api/v1/tokens", { name: "ci", expiresInDays: 30 }, { token: u.token });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^tlp_/);
    const me = await api.get("/api/v1/me", { token: created.body.token });
    expect(me.body.id).toBe(u.id);
    const list = await api.get("/api/v1/tokens", { token: u.token });
    expect(list.body).toEqual({ data: [expect.objectContaining({ id: created.body.id, name: "ci" })], nextCursor: null });
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    expect((await api.delete(`/api/v1/tokens/${created.body.id}`, { token: u.token })).status).toBe(204);
    expectProblem(await api.get("/api/v1/me", { token: created.body.token }), 401);
  });

  it("paginates tokens with a cursor", async () => {
    const u = await createUser();
    for (const name of ["a", "b", "c"]) await api.post("/api/v1/tokens", { name }, { token: u.token });
    const first = await api.get("/api/v1/tokens?limit=2", { token: u.token });
    expect(first.body.data.map((t: { name: string }) => t.name)).toEqual(["c", "b"]);
    const second = await api.get(`/api/v1/tokens?limit=2&cursor=${first.body.nextCursor}`, { token: u.token });
    expect(second.body).toEqual({ data: [expect.objectContaining({ name: "a" })], nextCursor: null });
    expectProblem(await api.get("/api/v1/tokens?cursor=garbage", { token: u.token }), 400);
    expectProblem(await api.get("/api/v1/tokens?limit=0", { token: u.token }), 422);
    expectProblem(await api.get("/api/v1/tokens?limit=abc", { token: u.token }), 422);
  });

  it("refuses bad input and another user's token id", async () => {
    const u = await createUser();
    const stranger = await createUser();
    expectProblem(await api.post("/api/v1/tokens", { name: "" }, { token: u.token }), 422);
    expectProblem(await api.post("/api/v1/tokens", { name: "x", expiresInDays: 0 }, { token: u.token }), 422);
    expectProblem(await api.post("/api/v1/tokens", { name: "x" }), 401);
    const created = await api.post("/api/v1/tokens", { name: "mine" }, { token: u.token });
    expectProblem(await api.delete(`/api/v1/tokens/${created.body.id}`, { token: stranger.token }), 404);
    expect((await api.get("/api/v1/me", { token: created.body.token })).status).toBe(200);
  });

  it("replays a create retried with the same Idempotency-Key, and refuses the key with another body", async () => {
    const u = await createUser();
    const headers = { "idempotency-key": unique("key") };
    const first = await api.post("/api/v1/tokens", { name: "once" }, { token: u.token, headers });
    const retry = await api.post("/api/v1/tokens", { name: "once" }, { token: u.token, headers });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expectProblem(await api.post("/api/v1/tokens", { name: "other" }, { token: u.token, headers }), 409);
    expect((await api.get("/api/v1/tokens", { token: u.token })).body.data).toHaveLength(1);
  });
});

describe("conventions", () => {
  it("carries rate-limit headers and a request id", async () => {
    const u = await createUser();
    const res = await api.get("/api/v1/me", { token: u.token, headers: { "x-request-id": "trace-12345678" } });
    expect(Number(res.headers.get("ratelimit-limit"))).toBeGreaterThan(0);
    expect(Number.isInteger(Number(res.headers.get("ratelimit-remaining")))).toBe(true);
    expect(Number.isInteger(Number(res.headers.get("ratelimit-reset")))).toBe(true);
    expect(res.headers.get("x-request-id")).toBe("trace-12345678");
    const err = await api.get("/api/v1/me");
    expect(err.body.requestId).toBe(err.headers.get("x-request-id"));
  });
});
