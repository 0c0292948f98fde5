import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { database } from "@/db/client";
import { events, projectMembers } from "@/db/schema";
import { api } from "../helpers/app";
import { addToWorkspace, createUser, expectProblem } from "../helpers/factories";
import { createProjectCast, createTestProject } from "../helpers/projects";

// Opening (and migrating) the embedded database can take a while on a busy machine: not inside a test's timeout.
beforeAll(async () => {
  await database();
});

const membersUrl = (projectId: string) => `/api/v1/projects/${projectId}/members`;

describe("GET /api/v1/projects/{projectId}/members", () => {
  it("lists the explicit members with their roles, by email, paged", async () => {
    const c = await createProjectCast();
    const res = await api.get(membersUrl(c.project.id), { token: c.outsider.token });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.data.map((m: any) => [m.user.id, m.role]));
    expect(byId).toEqual({ [c.owner.id]: "admin", [c.admin.id]: "admin", [c.member.id]: "member", [c.viewer.id]: "viewer" });
    expect(res.body.data[0]).toEqual({
      user: { id: expect.any(String), name: expect.any(String), email: expect.any(String) },
      role: expect.any(String),
      createdAt: expect.any(String),
    });
    const first = await api.get(`${membersUrl(c.project.id)}?limit=3`, { token: c.viewer.token });
    expect(first.body.data).toHaveLength(3);
    const second = await api.get(`${membersUrl(c.project.id)}?limit=3&cursor=${first.body.nextCursor}`, { token: c.viewer.token });
    expect(second.body.data).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
  });

  it("refuses no token, strangers, guests not added, and outsiders of a private project", async () => {
    const c = await createProjectCast("private");
    const url = membersUrl(c.project.id);
    expectProblem(await api.get(url), 401);
    expectProblem(await api.get(url, { token: c.stranger.token }), 404);
    expectProblem(await api.get(url, { token: c.guest.token }), 404);
    expectProblem(await api.get(url, { token: c.outsider.token }), 404);
    expectProblem(await api.get(`${url}?limit=101`, { token: c.viewer.token }), 422);
    expect((await api.get(url, { token: c.viewer.token })).status).toBe(200);
  });
});

describe("POST /api/v1/projects/{projectId}/members", () => {
  it("adds a workspace guest, who then sees the project, and records project.member_added in the outbox", async () => {
    const c = await createProjectCast("private");
    const res = await api.post(membersUrl(c.project.id), { userId: c.guest.id, role: "member" }, { token: c.admin.token });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({
      user: { id: c.guest.id, name: c.guest.name, email: c.guest.email },
      role: "member",
      createdAt: expect.any(String),
    });
    const seen = await api.get(`/api/v1/projects/${c.project.id}`, { token: c.guest.token });
    expect(seen.status).toBe(200);
    expect(seen.body.role).toBe("member");
    const db = await database();
    const rows = await db
      .select()
      .from(events)
      .where(and(eq(events.projectId, c.project.id), eq(events.type, "project.member_added")));
    expect(rows.map((r) => r.data)).toContainEqual({ userId: c.guest.id, role: "member" });
    expect(rows.find((r) => (r.data as { userId: string }).userId === c.guest.id)?.actorId).toBe(c.admin.id);
    expectProblem(await api.post(membersUrl(c.project.id), { userId: c.guest.id, role: "viewer" }, { token: c.admin.token }), 409);
  });

  it("refuses someone outside the workspace and bad input with 422, writing nothing", async () => {
    const c = await createProjectCast();
    const url = membersUrl(c.project.id);
    const outside = await api.post(url, { userId: c.stranger.id, role: "member" }, { token: c.owner.token });
    expectProblem(outside, 422);
    expect(outside.body.errors).toEqual([{ path: "userId", message: expect.any(String) }]);
    const cases: [unknown, string][] = [
      [{ userId: c.guest.id, role: "owner" }, "role"],
      [{ userId: "nope", role: "member" }, "userId"],
      [{ role: "member" }, "userId"],
      [{ userId: c.guest.id }, "role"],
      [{ userId: c.guest.id, role: "member", admin: true }, ""],
      [{ userId: 42, role: "member" }, "userId"],
    ];
    for (const [body, path] of cases) {
      const res = await api.post(url, body, { token: c.owner.token });
      expectProblem(res, 422);
      expect(
        res.body.errors.map((e: any) => e.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    const db = await database();
    const rows = await db.select().from(projectMembers).where(eq(projectMembers.projectId, c.project.id));
    expect(rows).toHaveLength(4);
    const added = await db
      .select()
      .from(events)
      .where(and(eq(events.projectId, c.project.id), eq(events.type, "project.member_added")));
    expect(added).toHaveLength(3);
  });

  it("is for project admins: 401, stranger 404, guest not added 404, viewer and member 403", async () => {
    const c = await createProjectCast();
    const url = membersUrl(c.project.id);
    const body = { userId: c.guest.id, role: "viewer" };
    expectProblem(await api.post(url, body), 401);
    expectProblem(await api.post(url, body, { token: c.stranger.token }), 404);
    expectProblem(await api.post(url, body, { token: c.guest.token }), 404);
    expectProblem(await api.post(url, body, { token: c.viewer.token }), 403);
    expectProblem(await api.post(url, body, { token: c.member.token }), 403);
    expectProblem(await api.post(url, body, { token: c.outsider.token }), 403);
    const wsAdmin = await createUser();
    await addToWorkspace(c.ws, wsAdmin, "admin");
    expect((await api.post(url, body, { token: wsAdmin.token })).status).toBe(201);
  });
});

describe("PATCH /api/v1/projects/{projectId}/members/{userId}", () => {
  it("changes a role, which changes what the person may do", async () => {
    const c = await createProjectCast();
    const url = `${membersUrl(c.project.id)}/${c.viewer.id}`;
    const res = await api.patch(url, { role: "admin" }, { token: c.admin.token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ user: { id: c.viewer.id }, role: "admin" });
    expect((await api.patch(`/api/v1/projects/${c.project.id}`, { name: "Viewer was here" }, { token: c.viewer.token })).status).toBe(200);
  });

  it("refuses bad input (422), unknown members (404) and the wrong actor", async () => {
    const c = await createProjectCast();
    const url = `${membersUrl(c.project.id)}/${c.member.id}`;
    for (const body of [{ role: "owner" }, {}, { role: "viewer", extra: 1 }])
      expectProblem(await api.patch(url, body, { token: c.owner.token }), 422);
    expectProblem(await api.patch(`${membersUrl(c.project.id)}/${c.outsider.id}`, { role: "viewer" }, { token: c.owner.token }), 404);
    expectProblem(await api.patch(`${membersUrl(c.project.id)}/not-a-uuid`, { role: "viewer" }, { token: c.owner.token }), 404);
    expectProblem(await api.patch(url, { role: "viewer" }), 401);
    expectProblem(await api.patch(url, { role: "viewer" }, { token: c.stranger.token }), 404);
    expectProblem(await api.patch(url, { role: "viewer" }, { token: c.guest.token }), 404);
    expectProblem(await api.patch(url, { role: "viewer" }, { token: c.viewer.token }), 403);
    expectProblem(await api.patch(url, { role: "admin" }, { token: c.member.token }), 403);
    const list = await api.get(membersUrl(c.project.id), { token: c.owner.token });
    expect(list.body.data.find((m: any) => m.user.id === c.member.id).role).toBe("member");
  });
});

describe("DELETE /api/v1/projects/{projectId}/members/{userId}", () => {
  it("removes a member (204), who then loses a private project; anyone may leave", async () => {
    const c = await createProjectCast("private");
    expect((await api.delete(`${membersUrl(c.project.id)}/${c.member.id}`, { token: c.admin.token })).status).toBe(204);
    expectProblem(await api.get(`/api/v1/projects/${c.project.id}`, { token: c.member.token }), 404);
    expect((await api.delete(`${membersUrl(c.project.id)}/${c.viewer.id}`, { token: c.viewer.token })).status).toBe(204);
    expectProblem(await api.get(`/api/v1/projects/${c.project.id}`, { token: c.viewer.token }), 404);
    expectProblem(await api.delete(`${membersUrl(c.project.id)}/${c.viewer.id}`, { token: c.admin.token }), 404);
  });

  it("refuses the wrong actor: 401, stranger 404, guest 404, viewer and member 403", async () => {
    const c = await createProjectCast();
    const url = `${membersUrl(c.project.id)}/${c.admin.id}`;
    expectProblem(await api.delete(url), 401);
    expectProblem(await api.delete(url, { token: c.stranger.token }), 404);
    expectProblem(await api.delete(url, { token: c.guest.token }), 404);
    expectProblem(await api.delete(url, { token: c.viewer.token }), 403);
    expectProblem(await api.delete(url, { token: c.member.token }), 403);
    expect((await api.get(membersUrl(c.project.id), { token: c.owner.token })).body.data).toHaveLength(4);
  });

  it("refuses member changes on an archived project (409)", async () => {
    const { ws, project } = await createTestProject();
    const user = await createUser();
    await addToWorkspace(ws, user, "member");
    expect((await api.delete(`/api/v1/projects/${project.id}`, { token: ws.owner.token })).status).toBe(204);
    expectProblem(await api.post(membersUrl(project.id), { userId: user.id, role: "viewer" }, { token: ws.owner.token }), 409);
  });
});
