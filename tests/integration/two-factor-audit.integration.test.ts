import { describe, expect, it } from "vitest";
import { Secret, TOTP } from "otpauth";
import { api } from "../helpers/app";
import { addToWorkspace, createTestWorkspace, createUser, expectProblem, PASSWORD, type TestUser } from "../helpers/factories";

type Entry = {
  type: string;
  actor: { id: string } | null;
  target: { type: string; id: string } | null;
  data: any;
  userAgent: string | null;
  createdAt: string;
};

// Entries of one transaction share their time (a recovery code used to turn 2FA off, then "disabled"): in the
// order they happened, not the list's arbitrary order among equal times.
const rank = ["two_factor.enabled", "two_factor.recovery_code_used", "two_factor.disabled"];
const chronological = (a: Entry, b: Entry) => a.createdAt.localeCompare(b.createdAt) || rank.indexOf(a.type) - rank.indexOf(b.type);

function codeAt(secret: string, offsetSteps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" });
  return totp.generate({ timestamp: Date.now() + offsetSteps * 30_000 });
}

async function twoFactorEntries(slug: string, token: string, userId: string): Promise<Entry[]> {
  const res = await api.get(`/api/v1/workspaces/${slug}/audit?actor=${userId}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.data as Entry[]).filter((e) => e.type.startsWith("two_factor.")).sort(chronological);
}

const agent = { "user-agent": "TwoFactorAudit/1.0" };

async function enrol(u: TestUser): Promise<{ secret: string; recoveryCodes: string[] }> {
  const start = await api.post("/api/v1/me/two-factor", undefined, { token: u.token, headers: agent });
  expect(start.status).toBe(200);
  const confirm = await api.post("/api/v1/me/two-factor/confirm", { otp: codeAt(start.body.secret) }, { token: u.token, headers: agent });
  expect(confirm.status, JSON.stringify(confirm.body)).toBe(200);
  return { secret: start.body.secret, recoveryCodes: confirm.body.recoveryCodes };
}

describe("two-factor authentication in the audit log", () => {
  it("records enabling, a recovery code used at sign-in and when turning it off, and disabling, in each of the person's workspaces", async () => {
    const u = await createUser();
    const [mine, theirs] = [await createTestWorkspace(u), await createTestWorkspace()];
    await addToWorkspace(theirs, u, "member");
    const { recoveryCodes } = await enrol(u);

    const signIn = await api.post(
      "/api/v1/auth/login",
      { email: u.email, password: PASSWORD, recoveryCode: recoveryCodes[0] },
      { ip: u.ip },
    );
    expect(signIn.status, JSON.stringify(signIn.body)).toBe(200);
    // A refused code (already used) is not a "use" and leaves no entry.
    expectProblem(
      await api.post("/api/v1/auth/login", { email: u.email, password: PASSWORD, recoveryCode: recoveryCodes[0] }, { ip: u.ip }),
      401,
    );
    const disable = await api.post("/api/v1/me/two-factor/disable", { recoveryCode: recoveryCodes[1] }, { token: u.token, headers: agent });
    expect(disable.status).toBe(204);

    const expected = [
      { type: "two_factor.enabled", actor: { id: u.id }, target: { type: "user", id: u.id }, userAgent: "TwoFactorAudit/1.0" },
      { type: "two_factor.recovery_code_used", actor: { id: u.id }, target: { type: "user", id: u.id }, data: { recoveryCodesLeft: 9 } },
      { type: "two_factor.recovery_code_used", actor: { id: u.id }, data: { recoveryCodesLeft: 8 }, userAgent: "TwoFactorAudit/1.0" },
      { type: "two_factor.disabled", actor: { id: u.id }, target: { type: "user", id: u.id }, userAgent: "TwoFactorAudit/1.0" },
    ];
    expect(await twoFactorEntries(mine.slug, u.token, u.id)).toMatchObject(expected);
    expect(await twoFactorEntries(theirs.slug, theirs.owner.token, u.id)).toMatchObject(expected);
    // Codes never reach the log.
    const all = JSON.stringify(await twoFactorEntries(mine.slug, u.token, u.id));
    for (const code of recoveryCodes) expect(all).not.toContain(code);
  });

  it("a refused confirmation or disable leaves no entry, and the type filter finds the entries", async () => {
    const u = await createUser();
    const ws = await createTestWorkspace(u);
    const start = await api.post("/api/v1/me/two-factor", undefined, { token: u.token });
    const wrong = "000000" === codeAt(start.body.secret) ? "111111" : "000000";
    expectProblem(await api.post("/api/v1/me/two-factor/confirm", { otp: wrong }, { token: u.token }), 422);
    expect(await twoFactorEntries(ws.slug, u.token, u.id)).toEqual([]);

    expect((await api.post("/api/v1/me/two-factor/confirm", { otp: codeAt(start.body.secret) }, { token: u.token })).status).toBe(200);
    expectProblem(await api.post("/api/v1/me/two-factor/disable", { recoveryCode: "nope-nope" }, { token: u.token }), 422);
    const enabled = await api.get(`/api/v1/workspaces/${ws.slug}/audit?type=two_factor.enabled`, { token: u.token });
    expect(enabled.status).toBe(200);
    expect(enabled.body.data.map((e: Entry) => e.type)).toEqual(["two_factor.enabled"]);
    expect((await twoFactorEntries(ws.slug, u.token, u.id)).map((e) => e.type)).toEqual(["two_factor.enabled"]);
  });
});
