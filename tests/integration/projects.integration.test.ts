import { describe, expect, it } from "vitest";
import { api } from "../helpers/app";
import { addToWorkspace, createTestWorkspace, createUser, expectProblem } from "../helpers/factories";
import { createTestProject, uniqueKey } from "../helpers/projects";

describe("POST /api/v1/workspaces/{slug}/projects", () => {
  it("creates a project with the six default statuses, the creator as admin", async () => {
    const ws = await createTestWorkspace();
    const key = uniqueKey("ENG");
    const res = await api.post(`/api/v1/workspaces/${ws.slug}/projects`, { name: "Engineering", key, description: "Build it" }, { token: ws.owner.token });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String), workspaceId: ws.id, key, name: "Engineering", description: "Build it", visibility: "workspace", timezone: "UTC",
      version: 1, archivedAt: null, createdAt: expect.any(String), updatedAt: expect.any(String), role: "admin",
    });
    expect(res.headers.get("etag")).toBe('"1"');
    const statuses = await api.get(`/api/v1/projects/${res.body.id}/statuses`, { token: ws.owner.token });
    expect(statuses.status).toBe(200);
    expect(statuses.body.data.map((s: any) => [s.name, s.category, s.isDefault])).toEqual([
      ["Backlog", "backlog", false], ["Todo", "unstarted", true], ["In Progress", "started", false],
      ["In Review", "started", false], ["Done", "completed", false], ["Canceled", "canceled", false],
    ]);
    const positions = statuses.body.data.map((s: any) => s.position as string);
    expect([...positions].sort()).toEqual(positions);
    expect(statuses.body.nextCursor).toBeNull();
  });

  it("the factory returns the project with its statuses", async () => {
    const { project, ws } = await createTestProject(undefined, { visibility: "private" });
    expect(project.visibility).toBe("private");
    expect(project.statuses).toHaveLength(6);
    expect(project.defaultStatus.name).toBe("Todo");
    const got = await api.get(`/api/v1/projects/${project.id}`, { token: ws.owner.token });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id: project.id, key: project.key, role: "admin" });
    expect(got.headers.get("etag")).toBe('"1"');
  });

  it("refuses a key already used in the workspace (409), allows it in another workspace", async () => {
    const { ws, project } = await createTestProject();
    const dup = await api.post(`/api/v1/workspaces/${ws.slug}/projects`, { name: "Again", key: project.key }, { token: ws.owner.token });
    expectProblem(dup, 409);
    const other = await createTestProject(undefined, { key: project.key });
    expect(other.project.key).toBe(project.key);
  });

  it("refuses bad input with 422 and field errors, creating nothing", async () => {
    const ws = await createTestWorkspace();
    const url = `/api/v1/workspaces/${ws.slug}/projects`;
    const cases: [unknown, string][] = [
      [{ name: "X", key: "eng" }, "key"],
      [{ name: "X", key: "E" }, "key"],
      [{ name: "X", key: "1ENG" }, "key"],
      [{ name: "X", key: "ABCDEFGHIJK" }, "key"],
      [{ name: "X", key: "EN-G" }, "key"],
      [{ name: "", key: "ENG" }, "name"],
      [{ key: "ENG" }, "name"],
      [{ name: 42, key: "ENG" }, "name"],
      [{ name: "X", key: "ENG", visibility: "public" }, "visibility"],
      [{ name: "X", key: "ENG", timezone: "Mars/Olympus" }, "timezone"],
      [{ name: "X", key: "ENG", color: "#fff" }, ""],
    ];
    for (const [body, path] of cases) {
      const res = await api.post(url, body, { token: ws.owner.token });
      expectProblem(res, 422);
      expect(res.body.errors.map((e: any) => e.path), JSON.stringify(body)).toContain(path);
    }
    const ok = await api.post(url, { name: "X", key: "ENG", timezone: "Europe/Berlin" }, { token: ws.owner.token });
    expect(ok.status).toBe(201);
    expect(ok.body.timezone).toBe("Europe/Berlin");
  });

  it("needs a token (401); strangers get 404; guests may not create (403)", async () => {
    const ws = await createTestWorkspace();
    const url = `/api/v1/workspaces/${ws.slug}/projects`;
    expectProblem(await api.post(url, { name: "X", key: "ENG" }), 401);
    const stranger = await createUser();
    expectProblem(await api.post(url, { name: "X", key: "ENG" }, { token: stranger.token }), 404);
    const guest = await createUser();
    await addToWorkspace(ws, guest, "guest");
    expectProblem(await api.post(url, { name: "X", key: "ENG" }, { token: guest.token }), 403);
    const member = await createUser();
    await addToWorkspace(ws, member, "member");
    const res = await api.post(url, { name: "X", key: "ENG" }, { token: member.token });
    expect(res.status).toBe(201);
    expect(res.body.role).toBe("admin");
  });
});

describe("GET /api/v1/projects/{projectId}", () => {
  it("needs a token, hides the project from strangers, and private ones from plain workspace members", async () => {
    const { ws, project } = await createTestProject(undefined, { visibility: "private" });
    expectProblem(await api.get(`/api/v1/projects/${project.id}`), 401);
    const stranger = await createUser();
    expectProblem(await api.get(`/api/v1/projects/${project.id}`, { token: stranger.token }), 404);
    const member = await createUser();
    await addToWorkspace(ws, member, "member");
    expectProblem(await api.get(`/api/v1/projects/${project.id}`, { token: member.token }), 404);
    expectProblem(await api.get(`/api/v1/projects/${project.id}/statuses`, { token: member.token }), 404);
    expectProblem(await api.get(`/api/v1/projects/not-a-uuid`, { token: member.token }), 404);
  });

  it("shows a workspace project to workspace members as members, not to guests", async () => {
    const { ws, project } = await createTestProject();
    const member = await createUser();
    await addToWorkspace(ws, member, "member");
    const res = await api.get(`/api/v1/projects/${project.id}`, { token: member.token });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe("member");
    const guest = await createUser();
    await addToWorkspace(ws, guest, "guest");
    expectProblem(await api.get(`/api/v1/projects/${project.id}`, { token: guest.token }), 404);
  });
});
