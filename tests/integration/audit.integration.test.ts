import { describe, expect, it } from "vitest";
import { api } from "../helpers/app";
import { addToWorkspace, createTestWorkspace, createUser, expectProblem, PASSWORD, randomIp, unique } from "../helpers/factories";
import { createTestProject } from "../helpers/projects";

// Webhooks to a loopback URL are accepted here; nothing subscribes to events this file makes.
process.env.WEBHOOK_ALLOW_PRIVATE = "true";
(globalThis as { __tasklaneSettings?: unknown }).__tasklaneSettings = undefined;

type Entry = {
  id: string;
  type: string;
  actor: { id: string } | null;
  target: { type: string; id: string } | null;
  data: any;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
};

async function audit(slug: string, token: string, query = ""): Promise<Entry[]> {
  const res = await api.get(`/api/v1/workspaces/${slug}/audit${query}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data as Entry[];
}

describe("audit log", () => {
  it("records member, invitation, webhook, token and project changes with who, from where and which agent", async () => {
    const ws = await createTestWorkspace();
    const owner = ws.owner;
    const [admin, member] = [await createUser(), await createUser()];
    const ip = randomIp();
    const agent = { "user-agent": "AuditTest/1.0" };
    const as = { token: owner.token, ip, headers: agent };
    expect((await api.post(`/api/v1/workspaces/${ws.slug}/members`, { email: admin.email, role: "admin" }, as)).status).toBe(201);
    expect((await api.post(`/api/v1/workspaces/${ws.slug}/members`, { email: member.email, role: "member" }, as)).status).toBe(201);
    const invited = `${unique("new")}@example.test`;
    expect((await api.post(`/api/v1/workspaces/${ws.slug}/members`, { email: invited, role: "guest" }, as)).status).toBe(202);
    expect((await api.patch(`/api/v1/workspaces/${ws.slug}/members/${member.id}`, { role: "guest" }, as)).status).toBe(200);
    expect((await api.delete(`/api/v1/workspaces/${ws.slug}/members/${member.id}`, as)).status).toBe(204);
    const hook = await api.post(`/api/v1/workspaces/${ws.slug}/webhooks`, { url: "http://127.0.0.1:9/hook", events: ["task.created"] }, as);
    expect(hook.status).toBe(201);
    expect((await api.delete(`/api/v1/workspaces/${ws.slug}/webhooks/${hook.body.id}`, as)).status).toBe(204);
    const token = await api.post("/api/v1/tokens", { name: "ci" }, as);
    expect(token.status).toBe(201);
    expect((await api.delete(`/api/v1/tokens/${token.body.id}`, as)).status).toBe(204);
    const { project } = await createTestProject(ws);
    expect((await api.delete(`/api/v1/projects/${project.id}`, as)).status).toBe(204);
    expect((await api.post(`/api/v1/projects/${project.id}/restore`, undefined, as)).status).toBe(200);

    const entries = await audit(ws.slug, admin.token);
    const byType = (t: string) => entries.filter((e) => e.type === t);
    expect(entries.map((e) => e.type).reverse()).toEqual([
      "member.added",
      "member.added",
      "invitation.sent",
      "member.role_changed",
      "member.removed",
      "webhook.created",
      "webhook.deleted",
      "token.created",
      "token.revoked",
      "project.archived",
      "project.restored",
    ]);
    for (const e of entries) {
      expect(e.actor?.id).toBe(owner.id);
      expect(e.ip).toBe(ip);
      expect(e.userAgent).toBe("AuditTest/1.0");
    }
    expect(byType("member.role_changed")[0]).toMatchObject({
      target: { type: "user", id: member.id },
      data: { from: "member", to: "guest" },
    });
    expect(byType("invitation.sent")[0]!.data).toMatchObject({ email: invited, role: "guest" });
    expect(byType("webhook.created")[0]!.target).toEqual({ type: "webhook", id: hook.body.id });
    expect(byType("project.archived")[0]!.data).toMatchObject({ key: project.key });
    // Secrets never land in the log.
    expect(JSON.stringify(entries)).not.toContain(hook.body.secret);
    expect(JSON.stringify(entries)).not.toContain(token.body.token);
  });

  it("records a sign-in from a new user agent + address pair once, in each of the user's workspaces", async () => {
    const user = await createUser();
    const [a, b] = [await createTestWorkspace(user), await createTestWorkspace(user)];
    const login = (ip: string, ua: string) =>
      api.post("/api/v1/auth/login", { email: user.email, password: PASSWORD }, { ip, headers: { "user-agent": ua } });
    const ip = randomIp();
    expect((await login(ip, "Laptop/1")).status).toBe(200);
    expect((await login(ip, "Laptop/1")).status).toBe(200);
    expect((await login(ip, "Phone/2")).status).toBe(200);
    for (const ws of [a, b]) {
      const signins = await audit(ws.slug, user.token, "?type=signin.new_device");
      expect(signins.map((e) => e.userAgent)).toEqual(["Phone/2", "Laptop/1"]);
      expect(signins.every((e) => e.ip === ip && e.actor?.id === user.id)).toBe(true);
    }
  });

  it("records an SSO sign-in from a new device the same way", async () => {
    const user = await createUser();
    const ws = await createTestWorkspace(user);
    const { signInWithOidc } = await import("@/server/account");
    const { createContext } = await import("@/server/context");
    const ip = randomIp();
    const sso = () =>
      signInWithOidc({
        ctx: createContext({ kind: "anonymous" }, { ip, userAgent: "SSO-Browser/1" }),
        identity: { issuer: "https://idp.example.test", subject: `sub-${user.id}`, email: user.email, emailVerified: true },
      });
    const signedIn = await sso();
    await sso();
    const signins = await audit(ws.slug, signedIn.token, "?type=signin.new_device");
    expect(signins.filter((e) => e.userAgent === "SSO-Browser/1").map((e) => [e.ip, e.actor?.id])).toEqual([[ip, user.id]]);
  });

  it("writes nothing for a refused change: the entry shares the change's transaction", async () => {
    const ws = await createTestWorkspace();
    // The last owner cannot step down (409): no role change, no audit entry.
    expectProblem(
      await api.patch(`/api/v1/workspaces/${ws.slug}/members/${ws.owner.id}`, { role: "admin" }, { token: ws.owner.token }),
      409,
    );
    expect(await audit(ws.slug, ws.owner.token)).toEqual([]);
  });

  it("is for owners and admins only: 403 for members and guests, 404 for strangers and anonymous 401", async () => {
    const ws = await createTestWorkspace();
    const [admin, member, guest, stranger] = [await createUser(), await createUser(), await createUser(), await createUser()];
    await addToWorkspace(ws, admin, "admin");
    await addToWorkspace(ws, member, "member");
    await addToWorkspace(ws, guest, "guest");
    expect((await api.get(`/api/v1/workspaces/${ws.slug}/audit`, { token: admin.token })).status).toBe(200);
    expectProblem(await api.get(`/api/v1/workspaces/${ws.slug}/audit`, { token: member.token }), 403);
    expectProblem(await api.get(`/api/v1/workspaces/${ws.slug}/audit`, { token: guest.token }), 403);
    expectProblem(await api.get(`/api/v1/workspaces/${ws.slug}/audit`, { token: stranger.token }), 404);
    expectProblem(await api.get(`/api/v1/workspaces/${ws.slug}/audit`), 401);
  });

  it("filters by actor, type and date range and pages with a stable cursor", async () => {
    const ws = await createTestWorkspace();
    const admin = await createUser();
    await addToWorkspace(ws, admin, "admin");
    const people = [await createUser(), await createUser(), await createUser()];
    for (const p of people) {
      const res = await api.post(`/api/v1/workspaces/${ws.slug}/members`, { email: p.email, role: "member" }, { token: admin.token });
      expect(res.status).toBe(201);
    }
    const all = await audit(ws.slug, ws.owner.token);
    expect(all).toHaveLength(4);
    expect((await audit(ws.slug, ws.owner.token, `?actor=${admin.id}`)).map((e) => e.target?.id)).toEqual(
      people.map((p) => p.id).reverse(),
    );
    expect(await audit(ws.slug, ws.owner.token, `?actor=${ws.owner.id}`)).toHaveLength(1);
    expect(await audit(ws.slug, ws.owner.token, "?type=member.removed")).toEqual([]);
    const newest = all[0]!.createdAt;
    const oldest = all[3]!.createdAt;
    expect(await audit(ws.slug, ws.owner.token, `?from=${encodeURIComponent(newest)}`)).toHaveLength(
      all.filter((e) => e.createdAt >= newest).length,
    );
    expect(await audit(ws.slug, ws.owner.token, `?to=${encodeURIComponent(oldest)}`)).toEqual([]);
    expect(await audit(ws.slug, ws.owner.token, "?from=2000-01-01T00:00:00Z&to=2001-01-01T00:00:00Z")).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: any } = await api.get(
        `/api/v1/workspaces/${ws.slug}/audit?limit=3${cursor ? `&cursor=${cursor}` : ""}`,
        {
          token: ws.owner.token,
        },
      );
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((e: Entry) => e.id));
      cursor = res.body.nextCursor;
      // A new entry while paging never shifts the pages already served.
      if (cursor && seen.length === 3)
        await api.patch(`/api/v1/workspaces/${ws.slug}/members/${people[0]!.id}`, { role: "guest" }, { token: ws.owner.token });
    } while (cursor);
    expect(seen).toEqual(all.map((e) => e.id));

    expectProblem(await api.get(`/api/v1/workspaces/${ws.slug}/audit?cursor=nope`, { token: ws.owner.token }), 400);
    expectProblem(await api.get(`/api/v1/workspaces/${ws.slug}/audit?type=made.up`, { token: ws.owner.token }), 422);
    expectProblem(await api.get(`/api/v1/workspaces/${ws.slug}/audit?actor=me`, { token: ws.owner.token }), 422);
    expectProblem(
      await api.get(`/api/v1/workspaces/${ws.slug}/audit?from=2020-02-02T00:00:00Z&to=2020-01-01T00:00:00Z`, { token: ws.owner.token }),
      422,
    );
  });
});
