import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { database } from "@/db/client";
import { emailJobs } from "@/db/schema";
import { api } from "../helpers/app";
import { addToWorkspace, createTestWorkspace, createUser, expectProblem, PASSWORD, randomIp, unique } from "../helpers/factories";

async function inviteToken(email: string): Promise<string> {
  // The invitation email is queued with the invitation (no worker runs in this file): read the queued message.
  const db = await database();
  // An existing user's sign-up verification email is queued to the same address: take the invitation.
  const mails = await db.select().from(emailJobs).where(eq(emailJobs.to, email.toLowerCase()));
  const mail = mails.find((m) => m.idempotencyKey.startsWith("invitation")) ?? mails[0];
  const token = /\/invitations\/(tli_[A-Za-z0-9_-]+)/.exec(mail?.text ?? "")?.[1];
  expect(token, "the invitation email carries a link with the token").toBeDefined();
  return token!;
}

describe("workspaces", () => {
  it("creates a workspace with the caller as owner and lists it", async () => {
    const u = await createUser();
    const slug = unique("acme");
    const res = await api.post("/api/v1/workspaces", { name: "Acme", slug }, { token: u.token });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: expect.any(String), name: "Acme", slug, role: "owner" });
    const list = await api.get("/api/v1/workspaces", { token: u.token });
    expect(list.body).toEqual({ data: [expect.objectContaining({ slug, role: "owner" })], nextCursor: null });
    expect((await api.get(`/api/v1/workspaces/${slug}`, { token: u.token })).body.slug).toBe(slug);
  });

  it("refuses bad slugs (422), duplicate slugs (409) and no token (401)", async () => {
    const ws = await createTestWorkspace();
    const token = ws.owner.token;
    for (const slug of ["ab", "UPPER", "has space", "x".repeat(41), "ünï"]) {
      const res = await api.post("/api/v1/workspaces", { name: "Bad", slug }, { token });
      expectProblem(res, 422);
      expect(res.body.errors[0].path).toBe("slug");
    }
    expectProblem(await api.post("/api/v1/workspaces", { name: "", slug: unique("ok") }, { token }), 422);
    expectProblem(await api.post("/api/v1/workspaces", { name: "Dup", slug: ws.slug }, { token }), 409);
    expectProblem(await api.post("/api/v1/workspaces", { name: "X", slug: unique("ok") }), 401);
    expect((await api.get("/api/v1/workspaces", { token })).body.data).toHaveLength(1);
  });

  it("paginates the caller's workspaces", async () => {
    const u = await createUser();
    for (const s of ["a", "b", "c"])
      await api.post("/api/v1/workspaces", { name: s, slug: `${s}-${u.id.slice(0, 8)}` }, { token: u.token });
    const first = await api.get("/api/v1/workspaces?limit=2", { token: u.token });
    expect(first.body.data).toHaveLength(2);
    const second = await api.get(`/api/v1/workspaces?limit=2&cursor=${first.body.nextCursor}`, { token: u.token });
    expect(second.body.data).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    expectProblem(await api.get("/api/v1/workspaces?limit=101", { token: u.token }), 422);
  });

  it("hides a workspace from strangers (404) and lets only admins rename and owners delete", async () => {
    const ws = await createTestWorkspace();
    const stranger = await createUser();
    const member = await createUser();
    const admin = await createUser();
    await addToWorkspace(ws, member, "member");
    await addToWorkspace(ws, admin, "admin");
    expectProblem(await api.get(`/api/v1/workspaces/${ws.slug}`, { token: stranger.token }), 404);
    expectProblem(await api.patch(`/api/v1/workspaces/${ws.slug}`, { name: "Mine" }, { token: stranger.token }), 404);
    expectProblem(await api.delete(`/api/v1/workspaces/${ws.slug}`, { token: stranger.token }), 404);
    expectProblem(await api.patch(`/api/v1/workspaces/${ws.slug}`, { name: "Mine" }, { token: member.token }), 403);
    expectProblem(await api.patch(`/api/v1/workspaces/${ws.slug}`, { slug: "BAD SLUG" }, { token: admin.token }), 422);
    const renamed = await api.patch(`/api/v1/workspaces/${ws.slug}`, { name: "Renamed" }, { token: admin.token });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "Renamed", role: "admin" });
    expectProblem(await api.delete(`/api/v1/workspaces/${ws.slug}`, { token: admin.token }), 403);
    expect((await api.delete(`/api/v1/workspaces/${ws.slug}`, { token: ws.owner.token })).status).toBe(204);
    expectProblem(await api.get(`/api/v1/workspaces/${ws.slug}`, { token: ws.owner.token }), 404);
  });
});

describe("membership", () => {
  it("adds an existing user at once (201) and lists members", async () => {
    const ws = await createTestWorkspace();
    const teammate = await createUser();
    const res = await api.post(
      `/api/v1/workspaces/${ws.slug}/members`,
      { email: teammate.email, role: "member" },
      { token: ws.owner.token },
    );
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ user: { id: teammate.id, name: teammate.name, email: teammate.email }, role: "member" });
    const members = await api.get(`/api/v1/workspaces/${ws.slug}/members`, { token: teammate.token });
    expect(members.body.data).toHaveLength(2);
    expect(members.body.data).toContainEqual({ user: { id: ws.owner.id, name: ws.owner.name, email: ws.owner.email }, role: "owner" });
    expectProblem(
      await api.post(`/api/v1/workspaces/${ws.slug}/members`, { email: teammate.email, role: "admin" }, { token: ws.owner.token }),
      409,
    );
  });

  it("invites an unknown email (202); only that person accepts, once", async () => {
    const ws = await createTestWorkspace();
    const email = `${unique("invitee")}@example.test`;
    const res = await api.post(`/api/v1/workspaces/${ws.slug}/members`, { email, role: "admin" }, { token: ws.owner.token });
    expect(res.status).toBe(202);
    expect(res.body.invitation).toEqual({ id: expect.any(String), email, role: "admin", expiresAt: expect.any(String) });
    expect(JSON.stringify(res.body)).not.toContain("tli_");
    const token = await inviteToken(email);

    const other = await createUser();
    expectProblem(await api.post(`/api/v1/invitations/${token}/accept`, undefined, { token: other.token }), 403);
    expectProblem(await api.post(`/api/v1/invitations/${token}/accept`), 401);
    expectProblem(await api.post(`/api/v1/invitations/tli_doesnotexist123/accept`, undefined, { token: other.token }), 404);

    const ip = randomIp();
    await api.post("/api/v1/auth/register", { name: "Invitee", email, password: PASSWORD }, { ip });
    const login = await api.post("/api/v1/auth/login", { email, password: PASSWORD }, { ip });
    const accepted = await api.post(`/api/v1/invitations/${token}/accept`, undefined, { token: login.body.token });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ workspace: { id: ws.id, slug: ws.slug, name: `Workspace ${ws.slug}` }, role: "admin" });
    expectProblem(await api.post(`/api/v1/invitations/${token}/accept`, undefined, { token: login.body.token }), 409);
    expect((await api.get(`/api/v1/workspaces/${ws.slug}`, { token: login.body.token })).body.role).toBe("admin");
  });

  it("refuses bad member input (422) and writes nothing", async () => {
    const ws = await createTestWorkspace();
    const t = ws.owner.token;
    expectProblem(await api.post(`/api/v1/workspaces/${ws.slug}/members`, { email: "not-an-email", role: "member" }, { token: t }), 422);
    expectProblem(await api.post(`/api/v1/workspaces/${ws.slug}/members`, { email: "a@b.test", role: "superuser" }, { token: t }), 422);
    expectProblem(await api.post(`/api/v1/workspaces/${ws.slug}/members`, {}, { token: t }), 422);
    expect((await api.get(`/api/v1/workspaces/${ws.slug}/members`, { token: t })).body.data).toHaveLength(1);
  });

  it("lets admins manage members but not owners; members manage nobody", async () => {
    const ws = await createTestWorkspace();
    const admin = await createUser();
    const member = await createUser();
    const guest = await createUser();
    const stranger = await createUser();
    await addToWorkspace(ws, admin, "admin");
    await addToWorkspace(ws, member, "member");
    await addToWorkspace(ws, guest, "guest");
    const base = `/api/v1/workspaces/${ws.slug}/members`;
    expectProblem(await api.post(base, { email: stranger.email, role: "member" }, { token: member.token }), 403);
    expectProblem(await api.patch(`${base}/${guest.id}`, { role: "admin" }, { token: member.token }), 403);
    expectProblem(await api.delete(`${base}/${guest.id}`, { token: member.token }), 403);
    expectProblem(await api.get(base, { token: stranger.token }), 404);
    expectProblem(await api.patch(`${base}/${guest.id}`, { role: "admin" }, { token: stranger.token }), 404);
    expectProblem(await api.post(base, { email: stranger.email, role: "owner" }, { token: admin.token }), 403);
    expectProblem(await api.patch(`${base}/${ws.owner.id}`, { role: "member" }, { token: admin.token }), 403);
    expectProblem(await api.delete(`${base}/${ws.owner.id}`, { token: admin.token }), 403);
    expectProblem(await api.patch(`${base}/${guest.id}`, { role: "boss" }, { token: admin.token }), 422);
    const promoted = await api.patch(`${base}/${guest.id}`, { role: "member" }, { token: admin.token });
    expect(promoted.body).toMatchObject({ user: { id: guest.id }, role: "member" });
    expect((await api.delete(`${base}/${guest.id}`, { token: admin.token })).status).toBe(204);
    expectProblem(await api.get(`/api/v1/workspaces/${ws.slug}`, { token: guest.token }), 404);
    expectProblem(await api.delete(`${base}/${guest.id}`, { token: admin.token }), 404);
  });

  it("never loses the last owner, and lets a member leave", async () => {
    const ws = await createTestWorkspace();
    const member = await createUser();
    await addToWorkspace(ws, member, "member");
    const base = `/api/v1/workspaces/${ws.slug}/members`;
    expectProblem(await api.patch(`${base}/${ws.owner.id}`, { role: "admin" }, { token: ws.owner.token }), 409);
    expectProblem(await api.delete(`${base}/${ws.owner.id}`, { token: ws.owner.token }), 409);
    expect((await api.delete(`${base}/${member.id}`, { token: member.token })).status).toBe(204);
    const promoted = await api.post(base, { email: member.email, role: "owner" }, { token: ws.owner.token });
    expect(promoted.status).toBe(201);
    expect((await api.patch(`${base}/${ws.owner.id}`, { role: "admin" }, { token: ws.owner.token })).status).toBe(200);
  });
});
