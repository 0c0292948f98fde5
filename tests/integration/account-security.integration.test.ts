import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { api } from "../helpers/app";
import {
  addToWorkspace,
  createTestWorkspace,
  createUser,
  expectProblem,
  PASSWORD,
  randomIp,
  unique,
  type TestUser,
} from "../helpers/factories";
import { startResendStub } from "../helpers/http-stub";
import { createTestProject } from "../helpers/projects";
import { waitFor } from "../helpers/realtime";

// Emails leave through the queued path to a loopback Resend (RESEND_BASE_URL), with fast retries,
// so "the provider is down" is the stub answering 503.
const stub = await startResendStub(0, { verification: true });
Object.assign(process.env, {
  RESEND_API_KEY: "re_test_key",
  RESEND_BASE_URL: stub.url,
  EMAIL_RETRY_BASE_MS: "50",
  APP_URL: "https://tasklane.test",
});
let stop: () => Promise<void>;
beforeAll(async () => {
  const { settings } = await import("@/config/settings");
  expect(settings().RESEND_BASE_URL).toBe(stub.url);
  const { startBackgroundWork } = await import("@/startup/workers");
  stop = (await startBackgroundWork()).stop;
});
afterAll(async () => {
  await stop?.();
  await stub?.close();
});

const NEW_PASSWORD = "a brand new passphrase 77";

async function linkToken(email: string, path: "reset-password" | "verify-email", nth = 0): Promise<string> {
  const mails = await waitFor(() => {
    const m = stub.sentTo(email).filter((x) => x.text.includes(`/${path}/`));
    return m.length > nth && m;
  }, `${path} email to ${email}`);
  const token = new RegExp(`/${path}/([A-Za-z0-9_-]+)`).exec(mails[nth]!.text)?.[1];
  expect(token).toBeDefined();
  return token!;
}

const login = (u: { email: string; ip: string }, extra: Record<string, string> = {}, password = PASSWORD) =>
  api.post("/api/v1/auth/login", { email: u.email, password, ...extra }, { ip: u.ip });

function codeAt(secret: string, offsetSteps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" });
  return totp.generate({ timestamp: Date.now() + offsetSteps * 30_000 });
}

/** Enrols `u` in 2FA through the API; returns the secret and the recovery codes. */
async function enrol(u: TestUser): Promise<{ secret: string; recoveryCodes: string[] }> {
  const start = await api.post("/api/v1/me/two-factor", undefined, { token: u.token });
  expect(start.status, JSON.stringify(start.body)).toBe(200);
  expect(start.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
  expect(start.body.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
  const confirm = await api.post("/api/v1/me/two-factor/confirm", { otp: codeAt(start.body.secret) }, { token: u.token });
  expect(confirm.status, JSON.stringify(confirm.body)).toBe(200);
  return { secret: start.body.secret, recoveryCodes: confirm.body.recoveryCodes };
}

describe("password reset", () => {
  it("answers the same for a known and an unknown address, and mails only the account", async () => {
    const u = await createUser();
    const unknown = `${unique("nobody")}@example.test`;
    const a = await api.post("/api/v1/auth/password-reset", { email: u.email.toUpperCase() }, { ip: randomIp() });
    const b = await api.post("/api/v1/auth/password-reset", { email: unknown }, { ip: randomIp() });
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(b.body).toEqual(a.body);
    await linkToken(u.email, "reset-password");
    expect(stub.sentTo(unknown)).toEqual([]);
  });

  it("sets the new password once, ends every session, keeps personal access tokens", async () => {
    const u = await createUser();
    const pat = await api.post("/api/v1/tokens", { name: "ci" }, { token: u.token });
    expect(pat.status).toBe(201);
    expect((await api.post("/api/v1/auth/password-reset", { email: u.email }, { ip: randomIp() })).status).toBe(202);
    const token = await linkToken(u.email, "reset-password");

    const weak = await api.post("/api/v1/auth/password-reset/confirm", { token, password: "short" }, { ip: randomIp() });
    expectProblem(weak, 422); // nothing used up by a refused password
    const done = await api.post("/api/v1/auth/password-reset/confirm", { token, password: NEW_PASSWORD }, { ip: randomIp() });
    expect(done.status, JSON.stringify(done.body)).toBe(204);

    expectProblem(await api.get("/api/v1/me", { token: u.token }), 401); // the login session ended
    expect((await api.get("/api/v1/me", { token: pat.body.token })).status).toBe(200); // the API token did not
    expectProblem(await login(u), 401);
    expect((await login(u, {}, NEW_PASSWORD)).status).toBe(200);

    const reused = await api.post(
      "/api/v1/auth/password-reset/confirm",
      { token, password: "yet another passphrase 9" },
      { ip: randomIp() },
    );
    expectProblem(reused, 400);
    expect(reused.body.type).toBe("https://tasklane.dev/problems/invalid-token");
    expect((await login(u, {}, NEW_PASSWORD)).status).toBe(200);
  });

  it("refuses an expired, an unknown and an older superseded token", async () => {
    const u = await createUser();
    for (let i = 0; i < 2; i++) await api.post("/api/v1/auth/password-reset", { email: u.email }, { ip: randomIp() });
    const [first, second] = [await linkToken(u.email, "reset-password", 0), await linkToken(u.email, "reset-password", 1)];
    const { database } = await import("@/db/client");
    const { accountTokens } = await import("@/db/schema");
    const { hashToken } = await import("@/server/auth/tokens");
    const db = await database();
    // 31 minutes later, as far as the token knows.
    await db
      .update(accountTokens)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(accountTokens.tokenHash, hashToken(first)));
    const expired = await api.post("/api/v1/auth/password-reset/confirm", { token: first, password: NEW_PASSWORD }, { ip: randomIp() });
    expectProblem(expired, 400);
    const bogus = await api.post("/api/v1/auth/password-reset/confirm", { token: "tlr_nope", password: NEW_PASSWORD }, { ip: randomIp() });
    expectProblem(bogus, 400);
    expect((await login(u)).status).toBe(200); // nothing changed

    const ok = await api.post("/api/v1/auth/password-reset/confirm", { token: second, password: NEW_PASSWORD }, { ip: randomIp() });
    expect(ok.status).toBe(204);
    const [row] = await db
      .select()
      .from(accountTokens)
      .where(eq(accountTokens.tokenHash, hashToken(second)));
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(30 * 60_000);
  });

  it("still answers 202 while the email provider is down, and the email follows", async () => {
    const u = await createUser();
    stub.failNextTo(u.email, 503, 503, 503);
    const res = await api.post("/api/v1/auth/password-reset", { email: u.email }, { ip: randomIp() });
    expect(res.status).toBe(202);
    await linkToken(u.email, "reset-password");
  });
});

describe("email verification", () => {
  it("mails a link on sign-up; the link verifies once; resend after that is 409", async () => {
    const u = await createUser();
    const before = await api.get("/api/v1/me", { token: u.token });
    expect(before.body).toMatchObject({ id: u.id, emailVerified: false, twoFactorEnabled: false });
    const token = await linkToken(u.email, "verify-email");
    expectProblem(await api.post("/api/v1/auth/verify-email", { token: "tlv_wrong" }, { ip: randomIp() }), 400);
    expect((await api.post("/api/v1/auth/verify-email", { token }, { ip: randomIp() })).status).toBe(204);
    expect((await api.get("/api/v1/me", { token: u.token })).body.emailVerified).toBe(true);
    expectProblem(await api.post("/api/v1/auth/verify-email", { token }, { ip: randomIp() }), 400);
    expectProblem(await api.post("/api/v1/auth/verify-email/resend", undefined, { token: u.token }), 409);
    expectProblem(await api.post("/api/v1/auth/verify-email/resend"), 401);
  });

  it("resends a working link to an unverified account", async () => {
    const u = await createUser();
    expect((await api.post("/api/v1/auth/verify-email/resend", undefined, { token: u.token })).status).toBe(202);
    const second = await linkToken(u.email, "verify-email", 1);
    expect((await api.post("/api/v1/auth/verify-email", { token: second }, { ip: randomIp() })).status).toBe(204);
    expect((await api.get("/api/v1/me", { token: u.token })).body.emailVerified).toBe(true);
  });

  it("an accepted invitation verifies the address it was sent to", async () => {
    const ws = await createTestWorkspace();
    const email = `${unique("invitee")}@example.test`;
    expect((await api.post(`/api/v1/workspaces/${ws.slug}/members`, { email, role: "member" }, { token: ws.owner.token })).status).toBe(
      202,
    );
    const mail = await waitFor(() => stub.sentTo(email).find((m) => m.text.includes("/invitations/")), "invitation email");
    const invitation = /\/invitations\/(tli_[A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    const ip = randomIp();
    expect((await api.post("/api/v1/auth/register", { name: "Invitee", email, password: PASSWORD }, { ip })).status).toBe(201);
    const session = await api.post("/api/v1/auth/login", { email, password: PASSWORD }, { ip });
    expect(session.status).toBe(200); // unverified accounts sign in
    expect((await api.get("/api/v1/me", { token: session.body.token })).body.emailVerified).toBe(false);
    expect((await api.post(`/api/v1/invitations/${invitation}/accept`, undefined, { token: session.body.token })).status).toBe(200);
    expect((await api.get("/api/v1/me", { token: session.body.token })).body.emailVerified).toBe(true);
  });
});

describe("two-factor authentication", () => {
  it("enrols with a confirmed code; sign-in then needs a code, refusing wrong and replayed ones", async () => {
    const u = await createUser();
    const pat = await api.post("/api/v1/tokens", { name: "script" }, { token: u.token });
    const start = await api.post("/api/v1/me/two-factor", undefined, { token: u.token });
    const wrong = await api.post(
      "/api/v1/me/two-factor/confirm",
      { otp: "000000" === codeAt(start.body.secret) ? "111111" : "000000" },
      { token: u.token },
    );
    expectProblem(wrong, 422);
    expectProblem(await api.post("/api/v1/me/two-factor/confirm", { otp: "12ab56" }, { token: u.token }), 422);
    expect((await api.get("/api/v1/me/two-factor", { token: u.token })).body).toEqual({ enabled: false, recoveryCodesLeft: 0 });
    const confirm = await api.post("/api/v1/me/two-factor/confirm", { otp: codeAt(start.body.secret) }, { token: u.token });
    expect(confirm.status).toBe(200);
    expect(confirm.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirm.body.recoveryCodes).size).toBe(10);
    expectProblem(await api.post("/api/v1/me/two-factor", undefined, { token: u.token }), 409);
    expect((await api.get("/api/v1/me", { token: u.token })).body.twoFactorEnabled).toBe(true);

    const needed = await login(u);
    expectProblem(needed, 401);
    expect(needed.body.type).toBe("https://tasklane.dev/problems/two-factor-required");
    expect(needed.body.token).toBeUndefined();
    const bad = await login(u, { otp: "000000" === codeAt(start.body.secret, 1) ? "999999" : "000000" });
    expectProblem(bad, 401);
    expect(bad.body.type).toBe("https://tasklane.dev/problems/two-factor-invalid");
    const badPassword = await login(u, { otp: codeAt(start.body.secret, 1) }, "not the password at all");
    expectProblem(badPassword, 401);
    expect(badPassword.body.type).toBe("https://tasklane.dev/problems/unauthorized"); // the password is checked first

    const code = codeAt(start.body.secret, 1); // the next step: the confirm used this one
    const ok = await login(u, { otp: code });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expectProblem(await login(u, { otp: code }), 401); // a code works once

    expect((await api.get("/api/v1/me", { token: pat.body.token })).status).toBe(200); // API tokens unaffected
  });

  it("stores the TOTP secret sealed; a secret stored in the clear before sealing still works and is sealed at its next code", async () => {
    const u = await createUser();
    const { secret } = await enrol(u);
    const { database } = await import("@/db/client");
    const { users } = await import("@/db/schema");
    const stored = async () => (await (await database()).select().from(users).where(eq(users.id, u.id)))[0]!.totpSecret!;
    expect(await stored()).toMatch(/^v1\./);
    expect(await stored()).not.toContain(secret);
    // As a row written before sealing existed looks:
    await (await database()).update(users).set({ totpSecret: secret }).where(eq(users.id, u.id));
    expect((await login(u, { otp: codeAt(secret, 1) })).status).toBe(200);
    expect(await stored()).toMatch(/^v1\./);
    // The sealed value opens to the same secret: forget the used step and the same code signs in again.
    await (await database()).update(users).set({ totpLastStep: null }).where(eq(users.id, u.id));
    expect((await login(u, { otp: codeAt(secret, 1) })).status).toBe(200);
  });

  it("recovery codes work once each; disabling needs a valid code", async () => {
    const u = await createUser();
    const { recoveryCodes } = await enrol(u);
    const r = await login(u, { recoveryCode: recoveryCodes[0]!.toUpperCase() });
    expect(r.status).toBe(200);
    expectProblem(await login(u, { recoveryCode: recoveryCodes[0]! }), 401);
    expect((await api.get("/api/v1/me/two-factor", { token: u.token })).body).toEqual({ enabled: true, recoveryCodesLeft: 9 });

    expectProblem(await api.post("/api/v1/me/two-factor/disable", {}, { token: u.token }), 422);
    expectProblem(await api.post("/api/v1/me/two-factor/disable", { recoveryCode: "nope-nope" }, { token: u.token }), 422);
    expectProblem(await api.post("/api/v1/me/two-factor/disable", { recoveryCode: recoveryCodes[1] }), 401);
    expect((await api.post("/api/v1/me/two-factor/disable", { recoveryCode: recoveryCodes[1] }, { token: u.token })).status).toBe(204);
    expect((await login(u)).status).toBe(200);
    expectProblem(await api.post("/api/v1/me/two-factor/disable", { otp: "123456" }, { token: u.token }), 409);
  });

  it("a workspace owner can require 2FA: members without it are refused until they enrol", async () => {
    const { ws, project } = await createTestProject();
    const [admin, member] = [await createUser(), await createUser()];
    await addToWorkspace(ws, admin, "admin");
    await addToWorkspace(ws, member, "member");

    expectProblem(await api.patch(`/api/v1/workspaces/${ws.slug}`, { requireTwoFactor: true }, { token: ws.owner.token }), 409);
    await enrol(admin);
    expectProblem(await api.patch(`/api/v1/workspaces/${ws.slug}`, { requireTwoFactor: true }, { token: admin.token }), 403);
    await enrol(ws.owner);
    const set = await api.patch(`/api/v1/workspaces/${ws.slug}`, { requireTwoFactor: true }, { token: ws.owner.token });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.requireTwoFactor).toBe(true);

    for (const path of [`/api/v1/workspaces/${ws.slug}`, `/api/v1/projects/${project.id}`, `/api/v1/projects/${project.id}/tasks`]) {
      const refused = await api.get(path, { token: member.token });
      expectProblem(refused, 403);
      expect(refused.body.type).toBe("https://tasklane.dev/problems/two-factor-enrollment-required");
      expect((await api.get(path, { token: admin.token })).status).toBe(200);
    }
    const outsider = await createUser();
    expectProblem(await api.get(`/api/v1/workspaces/${ws.slug}`, { token: outsider.token }), 404); // still invisible to strangers

    await enrol(member);
    expect((await api.get(`/api/v1/projects/${project.id}`, { token: member.token })).status).toBe(200);
  });
});

describe("SSO account linking (the verb behind the OIDC callback; the browser flow is tests/e2e/sso.spec.ts)", () => {
  const issuer = "https://idp.example.test";
  async function sso(identity: { subject: string; email: string | null; emailVerified: boolean; name?: string }) {
    const { signInWithOidc } = await import("@/server/account");
    const { createContext } = await import("@/server/context");
    return signInWithOidc({ ctx: createContext({ kind: "anonymous" }), identity: { issuer, ...identity } });
  }

  it("links an existing account by verified email, then by subject; its session works over the API", async () => {
    const u = await createUser();
    const subject = unique("sub");
    const first = await sso({ subject, email: u.email.toUpperCase(), emailVerified: true });
    expect(first.user.id).toBe(u.id);
    const me = await api.get("/api/v1/me", { token: first.token });
    expect(me.body).toMatchObject({ id: u.id, emailVerified: true });
    // Linked now: the subject finds the account even when the provider reports another address.
    const again = await sso({ subject, email: `${unique("changed")}@example.test`, emailVerified: true });
    expect(again.user.id).toBe(u.id);
  });

  it("hands an account never verified here to the address's proven owner: the first sign-up's password and tokens stop working", async () => {
    const squatter = await createUser();
    const pat = await api.post("/api/v1/tokens", { name: "kept?" }, { token: squatter.token });
    expect(pat.status, JSON.stringify(pat.body)).toBe(201);
    const owner = await sso({ subject: unique("sub"), email: squatter.email, emailVerified: true });
    expect(owner.user.id).toBe(squatter.id);
    await waitFor(async () => (await api.get("/api/v1/me", { token: squatter.token })).status === 401, "the old session to end");
    expect((await api.get("/api/v1/me", { token: pat.body.token })).status).toBe(401);
    expectProblem(await login(squatter), 401);
    expect((await api.get("/api/v1/me", { token: owner.token })).body).toMatchObject({ id: squatter.id, emailVerified: true });
  });

  it("links an account verified here without touching its password or tokens", async () => {
    const u = await createUser();
    const { database } = await import("@/db/client");
    const { users } = await import("@/db/schema");
    await (await database()).update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, u.id));
    await sso({ subject: unique("sub"), email: u.email, emailVerified: true });
    expect((await api.get("/api/v1/me", { token: u.token })).status).toBe(200);
    expect((await login(u)).status).toBe(200);
  });

  it("refuses an unverified email (no takeover) and creates a verified account for a new one", async () => {
    const u = await createUser();
    const { ServiceError } = await import("@/server/errors");
    await expect(sso({ subject: unique("sub"), email: u.email, emailVerified: false })).rejects.toBeInstanceOf(ServiceError);
    await expect(sso({ subject: unique("sub"), email: null, emailVerified: true })).rejects.toBeInstanceOf(ServiceError);
    const email = `${unique("new-sso")}@example.test`;
    const created = await sso({ subject: unique("sub"), email, emailVerified: true, name: "Sam SSO" });
    expect(created.user).toMatchObject({ email, name: "Sam SSO" });
    expect((await api.get("/api/v1/me", { token: created.token })).body).toMatchObject({ email, emailVerified: true });
    expectProblem(await login({ email, ip: randomIp() }), 401); // no password anybody knows
  });
});
