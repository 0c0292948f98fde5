import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { database } from "@/db/client";
import { emailJobs, invitations } from "@/db/schema";
import { api } from "../helpers/app";
import { expectIdsAndTimes, expectStatus, ISO_UTC, UUID } from "../helpers/contract";
import { addToWorkspace, createTestWorkspace, createUser, expectProblem, PASSWORD, randomIp, unique } from "../helpers/factories";
import { addToProject, createTestProject } from "../helpers/projects";
import { createTestTask } from "../helpers/tasks";

// Contract, the resources: auth and users, workspaces and invitations, projects, tasks and their relations.

describe("auth and users", () => {
  it("register → 201 { user }; 409 for an existing email; login → 200 { token, expiresAt, user }", async () => {
    const email = `${unique("c")}@example.test`;
    const ip = randomIp();
    const reg = await api.post("/api/v1/auth/register", { name: "Cleo", email, password: PASSWORD }, { ip });
    expectStatus(reg, 201);
    expect(Object.keys(reg.body)).toEqual(["user"]);
    expect(reg.body.user).toMatchObject({
      id: expect.stringMatching(UUID),
      email,
      name: "Cleo",
      createdAt: expect.stringMatching(ISO_UTC),
    });
    expectProblem(await api.post("/api/v1/auth/register", { name: "Again", email, password: PASSWORD }, { ip }), 409);
    const login = await api.post("/api/v1/auth/login", { email, password: PASSWORD }, { ip });
    expectStatus(login, 200);
    expect(login.body).toMatchObject({ token: expect.any(String), expiresAt: expect.stringMatching(ISO_UTC), user: reg.body.user });
  });

  it("register → 403 when sign-up is disabled", async () => {
    const { settings } = await import("@/config/settings");
    const store = globalThis as unknown as { __tasklaneSettings?: ReturnType<typeof settings> };
    const saved = settings();
    store.__tasklaneSettings = { ...saved, ALLOW_SIGNUP: false };
    try {
      expectProblem(
        await api.post(
          "/api/v1/auth/register",
          { name: "Late", email: `${unique("closed")}@example.test`, password: PASSWORD },
          { ip: randomIp() },
        ),
        403,
      );
    } finally {
      store.__tasklaneSettings = saved;
    }
  });

  it("login: 401 on bad credentials, the same answer for an unknown email and a wrong password", async () => {
    const u = await createUser();
    const wrong = await api.post("/api/v1/auth/login", { email: u.email, password: "not the password 1" }, { ip: randomIp() });
    const unknown = await api.post(
      "/api/v1/auth/login",
      { email: `${unique("none")}@example.test`, password: "not the password 1" },
      { ip: randomIp() },
    );
    expectProblem(wrong, 401);
    expectProblem(unknown, 401);
    expect({ ...wrong.body, requestId: 0 }).toEqual({ ...unknown.body, requestId: 0 });
  });

  it("logout → 204 and the presented token stops working at once", async () => {
    const u = await createUser();
    expectStatus(await api.post("/api/v1/auth/logout", undefined, { token: u.token }), 204);
    expectProblem(await api.get("/api/v1/me", { token: u.token }), 401);
  });

  it("GET /me → { id, email, name, createdAt }; PATCH /me with a wrong currentPassword → 422", async () => {
    const u = await createUser();
    const me = await api.get("/api/v1/me", { token: u.token });
    // The contract's four fields, plus the account's security state (an addition documented in the OpenAPI document's Me).
    expect(me.body).toEqual({
      id: u.id,
      email: u.email,
      name: u.name,
      createdAt: expect.stringMatching(ISO_UTC),
      emailVerified: false,
      twoFactorEnabled: false,
    });
    const renamed = await api.patch("/api/v1/me", { name: "Renamed" }, { token: u.token });
    expectStatus(renamed, 200);
    expect(renamed.body.name).toBe("Renamed");
    expectProblem(
      await api.patch("/api/v1/me", { password: "a brand new passphrase", currentPassword: "wrong wrong wrong" }, { token: u.token }),
      422,
    );
    expectStatus(await api.post("/api/v1/auth/login", { email: u.email, password: PASSWORD }, { ip: randomIp() }), 200);
    expectStatus(await api.patch("/api/v1/me", { password: "a brand new passphrase", currentPassword: PASSWORD }, { token: u.token }), 200);
    expectStatus(await api.post("/api/v1/auth/login", { email: u.email, password: "a brand new passphrase" }, { ip: randomIp() }), 200);
  });

  it("tokens: POST → 201 { id, name, token, expiresAt } shown once; GET lists without the secret; DELETE → 204", async () => {
    const u = await createUser();
    const created = await api.post("/api/v1/tokens", { name: "ci", expiresInDays: 90 }, { token: u.token });
    expectStatus(created, 201);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(UUID),
      name: "ci",
      token: expect.any(String),
      expiresAt: expect.stringMatching(ISO_UTC),
    });
    const days = (Date.parse(created.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThan(90.1);
    const list = await api.get("/api/v1/tokens", { token: u.token });
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    expect(list.body.data.map((t: { id: string }) => t.id)).toContain(created.body.id);
    expectStatus(await api.get("/api/v1/me", { token: created.body.token }), 200);
    expectStatus(await api.delete(`/api/v1/tokens/${created.body.id}`, { token: u.token }), 204);
    expectProblem(await api.get("/api/v1/me", { token: created.body.token }), 401);
  });
});

describe("workspaces and membership", () => {
  it("POST /workspaces → 201 { id, name, slug, role: owner }; GET, PATCH, DELETE by slug", async () => {
    const u = await createUser();
    const slug = unique("acme");
    const res = await api.post("/api/v1/workspaces", { name: "Acme", slug }, { token: u.token });
    expectStatus(res, 201);
    expect(res.body).toMatchObject({ id: expect.stringMatching(UUID), name: "Acme", slug, role: "owner" });
    expect((await api.get(`/api/v1/workspaces/${slug}`, { token: u.token })).body).toMatchObject({ id: res.body.id, slug, role: "owner" });
    expect((await api.get("/api/v1/workspaces", { token: u.token })).body.data.map((x: { slug: string }) => x.slug)).toContain(slug);
    const patched = await api.patch(`/api/v1/workspaces/${slug}`, { name: "Acme Inc" }, { token: u.token });
    expectStatus(patched, 200);
    expect(patched.body.name).toBe("Acme Inc");
    expectStatus(await api.delete(`/api/v1/workspaces/${slug}`, { token: u.token }), 204);
    expectProblem(await api.get(`/api/v1/workspaces/${slug}`, { token: u.token }), 404);
  });

  it("members: { data: [{ user: { id, name, email }, role }] }; add → 201 member or 202 { invitation }; PATCH role; DELETE → 204", async () => {
    const ws = await createTestWorkspace();
    const bob = await createUser();
    const added = await api.post(`/api/v1/workspaces/${ws.slug}/members`, { email: bob.email, role: "member" }, { token: ws.owner.token });
    expectStatus(added, 201);
    expect(added.body).toMatchObject({ user: { id: bob.id, name: bob.name, email: bob.email }, role: "member" });
    const list = await api.get(`/api/v1/workspaces/${ws.slug}/members`, { token: ws.owner.token });
    expect(list.body.data).toEqual(expect.arrayContaining([{ user: { id: bob.id, name: bob.name, email: bob.email }, role: "member" }]));
    const email = `${unique("new")}@example.test`;
    const invited = await api.post(`/api/v1/workspaces/${ws.slug}/members`, { email, role: "guest" }, { token: ws.owner.token });
    expectStatus(invited, 202);
    expect(invited.body).toEqual({
      invitation: { id: expect.stringMatching(UUID), email, role: "guest", expiresAt: expect.stringMatching(ISO_UTC) },
    });
    const promoted = await api.patch(`/api/v1/workspaces/${ws.slug}/members/${bob.id}`, { role: "admin" }, { token: ws.owner.token });
    expectStatus(promoted, 200);
    expect(promoted.body.role).toBe("admin");
    expectStatus(await api.delete(`/api/v1/workspaces/${ws.slug}/members/${bob.id}`, { token: ws.owner.token }), 204);
    expectProblem(await api.get(`/api/v1/workspaces/${ws.slug}`, { token: bob.token }), 404);
  });

  it("the invitation token reaches the invitee only by email, as a link APP_URL/invitations/<token>", async () => {
    const ws = await createTestWorkspace();
    const email = `${unique("mail")}@example.test`;
    const res = await api.post(`/api/v1/workspaces/${ws.slug}/members`, { email, role: "member" }, { token: ws.owner.token });
    const token = await inviteToken(email);
    expect(JSON.stringify(res.body)).not.toContain(token);
  });

  it("accept → 200 { workspace: { id, slug, name }, role }; only the invited email (else 403); accepted or expired → 409", async () => {
    const ws = await createTestWorkspace();
    const email = `${unique("inv")}@example.test`;
    await api.post(`/api/v1/workspaces/${ws.slug}/members`, { email, role: "member" }, { token: ws.owner.token });
    const token = await inviteToken(email);
    const other = await createUser();
    expectProblem(await api.post(`/api/v1/invitations/${token}/accept`, undefined, { token: other.token }), 403);
    const ip = randomIp();
    await api.post("/api/v1/auth/register", { name: "Invitee", email, password: PASSWORD }, { ip });
    const login = (await api.post("/api/v1/auth/login", { email, password: PASSWORD }, { ip })).body;
    const accepted = await api.post(`/api/v1/invitations/${token}/accept`, undefined, { token: login.token });
    expectStatus(accepted, 200);
    expect(accepted.body).toEqual({ workspace: { id: ws.id, slug: ws.slug, name: expect.any(String) }, role: "member" });
    expectProblem(await api.post(`/api/v1/invitations/${token}/accept`, undefined, { token: login.token }), 409);

    const late = `${unique("late")}@example.test`;
    await api.post(`/api/v1/workspaces/${ws.slug}/members`, { email: late, role: "member" }, { token: ws.owner.token });
    const lateToken = await inviteToken(late);
    const db = await database();
    await db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.email, late));
    await api.post("/api/v1/auth/register", { name: "Late", email: late, password: PASSWORD }, { ip });
    const lateLogin = (await api.post("/api/v1/auth/login", { email: late, password: PASSWORD }, { ip })).body;
    expectProblem(await api.post(`/api/v1/invitations/${lateToken}/accept`, undefined, { token: lateLogin.token }), 409);
  });

  it("a project member must be in the workspace (guest at least), else 422", async () => {
    const { ws, project } = await createTestProject();
    const outsider = await createUser();
    expectProblem(
      await api.post(`/api/v1/projects/${project.id}/members`, { userId: outsider.id, role: "member" }, { token: ws.owner.token }),
      422,
    );
    const guest = await createUser();
    await addToWorkspace(ws, guest, "guest");
    expectStatus(
      await api.post(`/api/v1/projects/${project.id}/members`, { userId: guest.id, role: "viewer" }, { token: ws.owner.token }),
      201,
    );
  });

  it("members see workspace projects; guests only theirs; private ones only their members and workspace owners/admins", async () => {
    const { ws, project: open } = await createTestProject();
    const { project: secret } = await createTestProject(ws, { visibility: "private" });
    const [member, guest, admin] = [await createUser(), await createUser(), await createUser()];
    await addToWorkspace(ws, member, "member");
    await addToWorkspace(ws, guest, "guest");
    await addToWorkspace(ws, admin, "admin");
    const visible = async (u: { token: string }) =>
      ((await api.get(`/api/v1/workspaces/${ws.slug}/projects`, { token: u.token })).body.data as { id: string }[]).map((p) => p.id).sort();
    expect(await visible(member)).toEqual([open.id]);
    expect(await visible(guest)).toEqual([]);
    expect(await visible(admin)).toEqual([open.id, secret.id].sort());
    expectProblem(await api.get(`/api/v1/projects/${secret.id}`, { token: member.token }), 404);
    expectProblem(await api.get(`/api/v1/projects/${open.id}`, { token: guest.token }), 404);
    await addToProject(ws, secret.id, guest, "viewer");
    expect(await visible(guest)).toEqual([secret.id]);
    // A workspace member who is not a project member acts as a project member in a workspace project.
    expectStatus(await api.post(`/api/v1/projects/${open.id}/tasks`, { title: "by a workspace member" }, { token: member.token }), 201);
  });
});

async function inviteToken(email: string): Promise<string> {
  // The invitation email is queued with the invitation (no worker runs in this file): read the queued message.
  const db = await database();
  // An existing user's sign-up verification email is queued to the same address: take the invitation.
  const mails = await db.select().from(emailJobs).where(eq(emailJobs.to, email.toLowerCase()));
  const mail = mails.find((m) => m.idempotencyKey.startsWith("invitation")) ?? mails[0];
  const m = /https?:\/\/[^\s"]+\/invitations\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? "");
  expect(m, "the email holds APP_URL/invitations/<token>").not.toBeNull();
  return m![1]!;
}

describe("projects", () => {
  it("create → 201 { id, key, name, description, visibility, version, archivedAt } with the default statuses in order", async () => {
    const ws = await createTestWorkspace();
    const res = await api.post(`/api/v1/workspaces/${ws.slug}/projects`, { name: "Engineering", key: "ENG" }, { token: ws.owner.token });
    expectStatus(res, 201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(UUID),
      key: "ENG",
      name: "Engineering",
      description: "",
      visibility: "workspace",
      version: expect.any(Number),
      archivedAt: null,
    });
    const statuses = (await api.get(`/api/v1/projects/${res.body.id}/statuses`, { token: ws.owner.token })).body.data;
    expect(statuses.map((s: { name: string; category: string }) => [s.name, s.category])).toEqual([
      ["Backlog", "backlog"],
      ["Todo", "unstarted"],
      ["In Progress", "started"],
      ["In Review", "started"],
      ["Done", "completed"],
      ["Canceled", "canceled"],
    ]);
    const task = await createTestTask(res.body, ws.owner);
    expect(task.status.name).toBe("Todo");
    expect(task.key).toBe("ENG-1");
  });

  it("statuses { name, category, color? } with category in the five; labels { name, color? }; PATCH and DELETE both", async () => {
    const { project, owner } = await createTestProject();
    const base = `/api/v1/projects/${project.id}`;
    expectProblem(await api.post(`${base}/statuses`, { name: "QA", category: "testing" }, { token: owner.token }), 422);
    const qa = await api.post(`${base}/statuses`, { name: "QA", category: "started", color: "#8b5cf6" }, { token: owner.token });
    expectStatus(qa, 201);
    expect(qa.body).toMatchObject({ id: expect.stringMatching(UUID), name: "QA", category: "started" });
    expectStatus(await api.patch(`${base}/statuses/${qa.body.id}`, { name: "Quality" }, { token: owner.token }), 200);
    expectStatus(await api.delete(`${base}/statuses/${qa.body.id}`, { token: owner.token }), 204);
    const label = await api.post(`${base}/labels`, { name: "bug" }, { token: owner.token });
    expectStatus(label, 201);
    expect(label.body).toMatchObject({ id: expect.stringMatching(UUID), name: "bug", color: expect.any(String) });
    expectStatus(await api.patch(`${base}/labels/${label.body.id}`, { color: "#ef4444" }, { token: owner.token }), 200);
    expectStatus(await api.delete(`${base}/labels/${label.body.id}`, { token: owner.token }), 204);
  });

  it("project members: GET, POST { userId, role } → 201, PATCH, DELETE → 204", async () => {
    const { ws, project, owner } = await createTestProject();
    const u = await createUser();
    await addToWorkspace(ws, u, "member");
    const base = `/api/v1/projects/${project.id}/members`;
    expectStatus(await api.post(base, { userId: u.id, role: "viewer" }, { token: owner.token }), 201);
    expect((await api.get(base, { token: owner.token })).body.data).toEqual(
      expect.arrayContaining([expect.objectContaining({ user: expect.objectContaining({ id: u.id }), role: "viewer" })]),
    );
    expect((await api.patch(`${base}/${u.id}`, { role: "admin" }, { token: owner.token })).body.role).toBe("admin");
    expectStatus(await api.delete(`${base}/${u.id}`, { token: owner.token }), 204);
  });
});

const TASK_FIELDS = [
  "id",
  "key",
  "number",
  "projectId",
  "title",
  "description",
  "status",
  "priority",
  "assignees",
  "labels",
  "reporter",
  "dueDate",
  "startDate",
  "estimate",
  "parentId",
  "position",
  "version",
  "createdAt",
  "updatedAt",
  "completedAt",
];

describe("tasks", () => {
  it("the task shape holds every field of the contract", async () => {
    const { ws, project, owner } = await createTestProject();
    const label = (await api.post(`/api/v1/projects/${project.id}/labels`, { name: "bug", color: "#ef4444" }, { token: owner.token })).body;
    const parent = await createTestTask(project, owner, { title: "Parent" });
    const res = await api.post(
      `/api/v1/projects/${project.id}/tasks`,
      {
        title: "Full",
        description: "**md**",
        statusId: project.statuses[2]!.id,
        priority: "urgent",
        assigneeIds: [owner.id],
        labelIds: [label.id],
        dueDate: "2030-05-06",
        startDate: "2030-05-01",
        estimate: 3,
        parentId: parent.id,
      },
      { token: owner.token },
    );
    expectStatus(res, 201);
    const t = res.body;
    for (const f of TASK_FIELDS) expect(t, f).toHaveProperty(f);
    expect(t).toMatchObject({
      key: `${project.key}-2`,
      number: 2,
      projectId: project.id,
      title: "Full",
      description: "**md**",
      status: { id: project.statuses[2]!.id, name: "In Progress", category: "started" },
      priority: "urgent",
      assignees: [{ id: owner.id, name: owner.name }],
      labels: [{ id: label.id, name: "bug", color: "#ef4444" }],
      reporter: { id: owner.id, name: owner.name },
      dueDate: "2030-05-06",
      startDate: "2030-05-01",
      estimate: 3,
      parentId: parent.id,
      position: expect.any(String),
      version: 1,
      completedAt: null,
    });
    expectIdsAndTimes(t);
    for (const p of ["none", "low", "medium", "high", "urgent"])
      expect((await api.patch(`/api/v1/tasks/${t.id}`, { priority: p }, { token: owner.token })).body.priority).toBe(p);
    const done = await api.patch(`/api/v1/tasks/${t.id}`, { statusId: project.statuses[4]!.id }, { token: owner.token });
    expect(done.body.completedAt).toMatch(ISO_UTC);
    const list = await api.get(`/api/v1/workspaces/${ws.slug}/tasks`, { token: owner.token });
    for (const item of list.body.data) for (const f of TASK_FIELDS) expect(item, f).toHaveProperty(f);
  });

  it("GET /api/v1/tasks/ENG-42 works as well as the id (PATCH, DELETE and sub-resources too)", async () => {
    const { project, owner } = await createTestProject();
    const a = await createTestTask(project, owner, { title: "A" });
    const byKey = await api.get(`/api/v1/tasks/${a.key}`, { token: owner.token });
    const byId = await api.get(`/api/v1/tasks/${a.id}`, { token: owner.token });
    expectStatus(byKey, 200);
    expect(byKey.body).toEqual(byId.body);
    expect((await api.get(`/api/v1/tasks/${a.key.toLowerCase()}`, { token: owner.token })).status).toBe(200);
    for (const sub of ["comments", "activity", "watchers", "dependencies", "attachments"])
      expectStatus(await api.get(`/api/v1/tasks/${a.key}/${sub}`, { token: owner.token }), 200);
    expectStatus(await api.patch(`/api/v1/tasks/${a.key}`, { title: "A2" }, { token: owner.token }), 200);
    expectStatus(await api.delete(`/api/v1/tasks/${a.key}`, { token: owner.token }), 204);
    expectProblem(await api.get(`/api/v1/tasks/${a.key}`, { token: owner.token }), 404);
  });

  it("PATCH takes the create fields plus position; a status of another project → 422", async () => {
    const { ws, project, owner } = await createTestProject();
    const { project: other } = await createTestProject(ws);
    const a = await createTestTask(project, owner, { title: "A" });
    const b = await createTestTask(project, owner, { title: "B" });
    const moved = await api.patch(`/api/v1/tasks/${b.id}`, { position: { before: a.id } }, { token: owner.token });
    expectStatus(moved, 200);
    expect(moved.body.position < a.position).toBe(true);
    expectProblem(await api.patch(`/api/v1/tasks/${a.id}`, { statusId: other.statuses[0]!.id }, { token: owner.token }), 422);
  });

  it("activity → { data: [{ id, actor: { id, name }, type, field?, from?, to?, createdAt }], nextCursor }, one entry per changed field", async () => {
    const { project, owner } = await createTestProject();
    const t = await createTestTask(project, owner, { title: "Old" });
    await api.patch(`/api/v1/tasks/${t.id}`, { title: "New", priority: "high", dueDate: "2030-01-01" }, { token: owner.token });
    const res = await api.get(`/api/v1/tasks/${t.id}/activity`, { token: owner.token });
    expectStatus(res, 200);
    expect(res.body.nextCursor).toBeNull();
    const entries = res.body.data as any[];
    for (const e of entries) {
      expect(e.id).toMatch(UUID);
      expect(e.actor).toEqual({ id: owner.id, name: owner.name });
      expect(typeof e.type).toBe("string");
      expect(e.createdAt).toMatch(ISO_UTC);
    }
    const changes = entries.filter((e) => e.type !== "created");
    expect(changes.map((e) => e.field).sort()).toEqual(["dueDate", "priority", "title"]);
    expect(changes.find((e) => e.field === "title")).toMatchObject({ from: "Old", to: "New" });
    expect(changes.find((e) => e.field === "priority")).toMatchObject({ from: "none", to: "high" });
  });

  it("dependencies → { blockedBy: [task], blocking: [task] }; POST { blockedBy: idOrKey } → 201; DELETE → 204; a cycle, self included → 422", async () => {
    const { project, owner } = await createTestProject();
    const a = await createTestTask(project, owner, { title: "A" });
    const b = await createTestTask(project, owner, { title: "B" });
    const c = await createTestTask(project, owner, { title: "C" });
    expectStatus(await api.post(`/api/v1/tasks/${a.key}/dependencies`, { blockedBy: b.key }, { token: owner.token }), 201);
    expectStatus(await api.post(`/api/v1/tasks/${b.id}/dependencies`, { blockedBy: c.id }, { token: owner.token }), 201);
    const deps = (await api.get(`/api/v1/tasks/${b.id}/dependencies`, { token: owner.token })).body;
    expect(Object.keys(deps).sort()).toEqual(["blockedBy", "blocking"]);
    expect(deps.blockedBy.map((t: { id: string }) => t.id)).toEqual([c.id]);
    expect(deps.blocking.map((t: { id: string }) => t.id)).toEqual([a.id]);
    for (const f of TASK_FIELDS) expect(deps.blocking[0], f).toHaveProperty(f);
    expectProblem(await api.post(`/api/v1/tasks/${c.id}/dependencies`, { blockedBy: a.id }, { token: owner.token }), 422);
    expectProblem(await api.post(`/api/v1/tasks/${a.id}/dependencies`, { blockedBy: a.key }, { token: owner.token }), 422);
    expectStatus(await api.delete(`/api/v1/tasks/${a.key}/dependencies/${b.key}`, { token: owner.token }), 204);
    expect((await api.get(`/api/v1/tasks/${a.id}/dependencies`, { token: owner.token })).body.blockedBy).toEqual([]);
  });

  it("watchers: POST and DELETE act on the caller, both idempotent, 204", async () => {
    const { ws, project, owner } = await createTestProject();
    const viewer = await createUser();
    await addToWorkspace(ws, viewer, "member");
    await addToProject(ws, project.id, viewer, "viewer");
    const t = await createTestTask(project, owner);
    const url = `/api/v1/tasks/${t.id}/watchers`;
    for (let i = 0; i < 2; i++) expectStatus(await api.post(url, undefined, { token: viewer.token }), 204);
    expect((await api.get(url, { token: owner.token })).body.data.filter((x: { id: string }) => x.id === viewer.id)).toHaveLength(1);
    for (let i = 0; i < 2; i++) expectStatus(await api.delete(url, { token: viewer.token }), 204);
    expect((await api.get(url, { token: owner.token })).body.data.map((x: { id: string }) => x.id)).not.toContain(viewer.id);
  });

  it("comments: GET, POST { body } → 201; PATCH → 200; DELETE → 204", async () => {
    const { project, owner } = await createTestProject();
    const t = await createTestTask(project, owner);
    const c = await api.post(`/api/v1/tasks/${t.key}/comments`, { body: "*hi*" }, { token: owner.token });
    expectStatus(c, 201);
    expect(c.body).toMatchObject({ id: expect.stringMatching(UUID), body: "*hi*", version: 1 });
    expectStatus(await api.patch(`/api/v1/comments/${c.body.id}`, { body: "edited" }, { token: owner.token }), 200);
    expect((await api.get(`/api/v1/tasks/${t.key}/comments`, { token: owner.token })).body.data[0].body).toBe("edited");
    expectStatus(await api.delete(`/api/v1/comments/${c.body.id}`, { token: owner.token }), 204);
    expect((await api.get(`/api/v1/tasks/${t.key}/comments`, { token: owner.token })).body.data).toEqual([]);
  });
});

describe("analytics", () => {
  it("GET …/analytics has the contract's shape; percentiles null when nothing completed; more than 2 years → 422", async () => {
    const { project, owner } = await createTestProject();
    await createTestTask(project, owner, { priority: "high" });
    const res = await api.get(`/api/v1/projects/${project.id}/analytics`, { token: owner.token });
    expectStatus(res, 200);
    const a = res.body;
    expect(a.range).toMatchObject({ from: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), to: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(Object.keys(a.counts.byCategory).sort()).toEqual(["backlog", "canceled", "completed", "started", "unstarted"]);
    expect(Object.keys(a.counts.byPriority).sort()).toEqual(["high", "low", "medium", "none", "urgent"]);
    expect(a.counts.byStatus[0]).toMatchObject({ statusId: expect.any(String), name: "Backlog", category: "backlog", count: 0 });
    expect(a.counts.byAssignee).toEqual([{ user: null, count: 1, estimate: expect.anything() }]);
    for (const k of ["overdue", "dueThisWeek", "unassigned", "blocked"]) expect(typeof a[k], k).toBe("number");
    expect(a.throughput).toHaveLength(12);
    expect(a.throughput[0]).toMatchObject({ weekStart: expect.any(String), created: expect.any(Number), completed: expect.any(Number) });
    expect(a.cycleTimeHours).toEqual({ p50: null, p85: null, p95: null });
    expect(a.leadTimeHours).toEqual({ p50: null, p85: null, p95: null });
    expect(a.cumulativeFlow[0]).toMatchObject({ date: expect.any(String), counts: expect.any(Object) });
    expectProblem(await api.get(`/api/v1/projects/${project.id}/analytics?from=2020-01-01&to=2024-01-01`, { token: owner.token }), 422);
    expectProblem(await api.get(`/api/v1/projects/${project.id}/analytics?from=2024-03-01&to=2024-01-01`, { token: owner.token }), 422);
  });
});

describe("health, docs, metrics (public)", () => {
  it("health → { status: ok }, ready → 200, openapi.json is 3.1, docs are HTML, metrics are Prometheus text", async () => {
    expect((await api.get("/api/health")).body).toEqual({ status: "ok" });
    expectStatus(await api.get("/api/ready"), 200);
    expect((await api.get("/api/v1/openapi.json")).body.openapi).toBe("3.1.0");
    expect((await api.get("/api/docs")).headers.get("content-type")).toContain("text/html");
    const metrics = await api.get("/api/metrics");
    expect(metrics.headers.get("content-type")).toContain("text/plain");
  });
});
