import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/app";
import { addToWorkspace, createTestWorkspace, createUser, expectProblem, PASSWORD, randomIp, unique } from "../helpers/factories";
import { startResendStub } from "../helpers/http-stub";
import { waitFor } from "../helpers/realtime";

// Invitation emails leave through the email queue: with the provider failing (500) or unreachable, inviting
// still succeeds; the inviter sees pending → failed with the reason; "resend" delivers once it is back.
let stub = await startResendStub();
const port = stub.port;
Object.assign(process.env, {
  RESEND_API_KEY: "re_test_key",
  RESEND_BASE_URL: stub.url,
  EMAIL_RETRY_BASE_MS: "50",
  EMAIL_MAX_ATTEMPTS: "3",
  DISPATCH_POLL_MS: "100",
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

type Delivery = { status: string; error: string | null; attemptedAt: string | null; attempts: number };

async function invitationOf(slug: string, token: string, email: string) {
  const res = await api.get(`/api/v1/workspaces/${slug}/invitations`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.data as { id: string; email: string; delivery: Delivery }[]).find((i) => i.email === email);
}

async function deliveryReaches(slug: string, token: string, email: string, status: string): Promise<Delivery> {
  let last: Delivery | undefined;
  await waitFor(
    async () => {
      last = (await invitationOf(slug, token, email))?.delivery;
      return last?.status === status;
    },
    `delivery ${status} (last: ${JSON.stringify(last)})`,
  );
  return last!;
}

function tokenIn(text: string): string {
  const m = /https:\/\/tasklane\.test\/invitations\/(tli_[A-Za-z0-9_-]+)/.exec(text);
  expect(m, "the email holds APP_URL/invitations/<token>").not.toBeNull();
  return m![1]!;
}

describe("invitation emails through the queue", () => {
  it("a provider answering 500: the invitation is made (202), the email fails with the reason, resend delivers", async () => {
    const ws = await createTestWorkspace();
    const email = `${unique("inv500")}@example.test`;
    stub.failNextTo(email, 500, 500, 500);
    const res = await api.post(`/api/v1/workspaces/${ws.slug}/members`, { email, role: "member" }, { token: ws.owner.token });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body.invitation).toMatchObject({ email, role: "member" });

    const failed = await deliveryReaches(ws.slug, ws.owner.token, email, "failed");
    expect(failed.error).toContain("500");
    expect(failed.attempts).toBe(3);
    expect(failed.attemptedAt).toEqual(expect.any(String));
    expect(stub.sentTo(email)).toEqual([]);

    const resent = await api.post(`/api/v1/workspaces/${ws.slug}/invitations/${res.body.invitation.id}/resend`, undefined, {
      token: ws.owner.token,
    });
    expect(resent.status, JSON.stringify(resent.body)).toBe(202);
    expect(resent.body).toMatchObject({ id: res.body.invitation.id, email, delivery: { status: "pending", attempts: 0 } });
    await deliveryReaches(ws.slug, ws.owner.token, email, "sent");
    const [mail] = stub.sentTo(email);
    expect(mail!.subject).toContain(`Workspace ${ws.slug}`);

    // The link in the resent email works.
    const ip = randomIp();
    await api.post("/api/v1/auth/register", { name: "Invitee", email, password: PASSWORD }, { ip });
    const login = await api.post("/api/v1/auth/login", { email, password: PASSWORD }, { ip });
    const accepted = await api.post(`/api/v1/invitations/${tokenIn(mail!.text)}/accept`, undefined, { token: login.body.token });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(await invitationOf(ws.slug, ws.owner.token, email)).toBeUndefined();
    // An accepted invitation is not sent again.
    expectProblem(
      await api.post(`/api/v1/workspaces/${ws.slug}/invitations/${res.body.invitation.id}/resend`, undefined, { token: ws.owner.token }),
      409,
    );
  });

  it("a provider that cannot be reached: inviting succeeds, the reason is a network error, resend works once it is back", async () => {
    const ws = await createTestWorkspace();
    const email = `${unique("invdown")}@example.test`;
    await stub.close();
    try {
      const res = await api.post(`/api/v1/workspaces/${ws.slug}/members`, { email, role: "guest" }, { token: ws.owner.token });
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      const failed = await deliveryReaches(ws.slug, ws.owner.token, email, "failed");
      expect(failed.error).toMatch(/^network: /);
    } finally {
      stub = await startResendStub(port);
    }
    const id = (await invitationOf(ws.slug, ws.owner.token, email))!.id;
    expect((await api.post(`/api/v1/workspaces/${ws.slug}/invitations/${id}/resend`, undefined, { token: ws.owner.token })).status).toBe(
      202,
    );
    await deliveryReaches(ws.slug, ws.owner.token, email, "sent");
    expect(stub.sentTo(email)).toHaveLength(1);
  });

  it("only those who manage members see invitations and resend them", async () => {
    const ws = await createTestWorkspace();
    const [member, stranger] = [await createUser(), await createUser()];
    await addToWorkspace(ws, member, "member");
    const email = `${unique("invperm")}@example.test`;
    const res = await api.post(`/api/v1/workspaces/${ws.slug}/members`, { email, role: "member" }, { token: ws.owner.token });
    const id = res.body.invitation.id as string;
    expectProblem(await api.get(`/api/v1/workspaces/${ws.slug}/invitations`, { token: member.token }), 403);
    expectProblem(await api.get(`/api/v1/workspaces/${ws.slug}/invitations`, { token: stranger.token }), 404);
    expectProblem(await api.post(`/api/v1/workspaces/${ws.slug}/invitations/${id}/resend`, undefined, { token: member.token }), 403);
    expectProblem(await api.post(`/api/v1/workspaces/${ws.slug}/invitations/${id}/resend`, undefined, { token: stranger.token }), 404);
    const other = await createTestWorkspace();
    // Another workspace's admin cannot resend this one's invitation through their own slug.
    expectProblem(
      await api.post(`/api/v1/workspaces/${other.slug}/invitations/${id}/resend`, undefined, { token: other.owner.token }),
      404,
    );
  });

  it("pages through invitations newest first with a stable cursor", async () => {
    const ws = await createTestWorkspace();
    const emails = [];
    for (let i = 0; i < 3; i++) {
      const email = `${unique(`page${i}`)}@example.test`;
      emails.push(email);
      await api.post(`/api/v1/workspaces/${ws.slug}/members`, { email, role: "member" }, { token: ws.owner.token });
    }
    const first = await api.get(`/api/v1/workspaces/${ws.slug}/invitations?limit=2`, { token: ws.owner.token });
    expect(first.body.data.map((i: { email: string }) => i.email)).toEqual([emails[2], emails[1]]);
    const second = await api.get(`/api/v1/workspaces/${ws.slug}/invitations?limit=2&cursor=${first.body.nextCursor}`, {
      token: ws.owner.token,
    });
    expect(second.body).toMatchObject({ data: [{ email: emails[0] }], nextCursor: null });
    expectProblem(await api.get(`/api/v1/workspaces/${ws.slug}/invitations?cursor=nonsense`, { token: ws.owner.token }), 400);
  });
});
