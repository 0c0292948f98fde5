import { beforeAll, describe, expect, it } from "vitest";
import { database } from "@/db/client";
import { api } from "../helpers/app";
import { addToWorkspace, createTestWorkspace, createUser, expectProblem } from "../helpers/factories";
import { createProjectCast, createTestProject, uniqueKey } from "../helpers/projects";

// Opening (and migrating) the embedded database can take a while on a busy machine: not inside a test's timeout.
beforeAll(async () => {
  await database();
});

describe("POST /api/v1/workspaces/{slug}/projects", () => {
  it("creates a project with the six default statuses, the creator as admin", async () => {
    const ws = await createTestWorkspace();
    const key = uniqueKey("ENG");
    const res = await api.post(
      `/api/v1/workspaces/${ws.slug}/projects`,
      { name: "Engineering", key, description: "Build it" },
      { token: ws.owner.token },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      workspaceId: ws.id,
      key,
      name: "Engineering",
      description: "Build it",
      visibility: "workspace",
      timezone: "UTC",
      version: 1,
      archivedAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      role: "admin",
      cycleSettings: { enabled: false, lengthWeeks: 2, startDay: "monday", carryOver: true },
    });
    expect(res.headers.get("etag")).toBe('"1"');
    const statuses = await api.get(`/api/v1/projects/${res.body.id}/statuses`, { token: ws.owner.token });
    expect(statuses.status).toBe(200);
    expect(statuses.body.data.map((s: any) => [s.name, s.category, s.isDefault])).toEqual([
      ["Backlog", "backlog", false],
      ["Todo", "unstarted", true],
      ["In Progress", "started", false],
      ["In Review", "started", false],
      ["Done", "completed", false],
      ["Canceled", "canceled", false],
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
      expect(
        res.body.errors.map((e: any) => e.path),
        JSON.stringify(body),
      ).toContain(path);
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

describe("POST …/projects with Idempotency-Key", () => {
  it("answers a retry with the first response and creates nothing new; another body with the key is 409", async () => {
    const ws = await createTestWorkspace();
    const url = `/api/v1/workspaces/${ws.slug}/projects`;
    const headers = { "idempotency-key": `k-${uniqueKey()}` };
    const body = { name: "Once", key: uniqueKey() };
    const first = await api.post(url, body, { token: ws.owner.token, headers });
    const retry = await api.post(url, body, { token: ws.owner.token, headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expectProblem(await api.post(url, { ...body, name: "Twice" }, { token: ws.owner.token, headers }), 409);
    expect((await api.get(url, { token: ws.owner.token })).body.data).toHaveLength(1);
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

describe("GET /api/v1/workspaces/{slug}/projects", () => {
  it("lists what each caller may see, with their role", async () => {
    const c = await createProjectCast("workspace");
    const priv = await createTestProject(c.ws, { visibility: "private", name: "Zz private" });
    const url = `/api/v1/workspaces/${c.ws.slug}/projects`;
    const seen = async (token: string) => (await api.get(url, { token })).body.data.map((p: any) => [p.id, p.role]);
    expect(await seen(c.owner.token)).toEqual([
      [c.project.id, "admin"],
      [priv.project.id, "admin"],
    ]);
    expect(await seen(c.viewer.token)).toEqual([[c.project.id, "viewer"]]);
    expect(await seen(c.outsider.token)).toEqual([[c.project.id, "member"]]);
    expect(await seen(c.guest.token)).toEqual([]);
    const res = await api.post(
      `/api/v1/projects/${priv.project.id}/members`,
      { userId: c.guest.id, role: "viewer" },
      { token: c.owner.token },
    );
    expect(res.status).toBe(201);
    expect(await seen(c.guest.token)).toEqual([[priv.project.id, "viewer"]]);
  });

  it("pages by name with a cursor; archived projects leave the list and show with archived=true", async () => {
    const ws = await createTestWorkspace();
    const made = [];
    for (const name of ["Echo", "alpha", "Delta", "Bravo", "Charlie"]) made.push((await createTestProject(ws, { name })).project);
    const url = `/api/v1/workspaces/${ws.slug}/projects`;
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await api.get(`${url}?limit=2${cursor ? `&cursor=${cursor}` : ""}`, { token: ws.owner.token });
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      names.push(...page.body.data.map((p: any) => p.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(names.sort()).toEqual(["Bravo", "Charlie", "Delta", "Echo", "alpha"].sort());
    expect(names).toHaveLength(5);
    const echo = made[0]!;
    expect((await api.delete(`/api/v1/projects/${echo.id}`, { token: ws.owner.token })).status).toBe(204);
    const active = await api.get(url, { token: ws.owner.token });
    expect(active.body.data.map((p: any) => p.id)).not.toContain(echo.id);
    const archived = await api.get(`${url}?archived=true`, { token: ws.owner.token });
    expect(archived.body.data.map((p: any) => p.id)).toEqual([echo.id]);
    expect(archived.body.data[0].archivedAt).toEqual(expect.any(String));
  });

  it("refuses bad queries, no token, strangers", async () => {
    const { ws } = await createTestProject();
    const url = `/api/v1/workspaces/${ws.slug}/projects`;
    expectProblem(await api.get(`${url}?limit=0`, { token: ws.owner.token }), 422);
    expectProblem(await api.get(`${url}?limit=abc`, { token: ws.owner.token }), 422);
    expectProblem(await api.get(`${url}?archived=maybe`, { token: ws.owner.token }), 422);
    expectProblem(await api.get(`${url}?cursor=nope`, { token: ws.owner.token }), 400);
    expectProblem(await api.get(url), 401);
    const stranger = await createUser();
    expectProblem(await api.get(url, { token: stranger.token }), 404);
  });
});

describe("PATCH /api/v1/projects/{projectId}", () => {
  it("changes settings, raising the version, and honours If-Match", async () => {
    const { ws, project } = await createTestProject();
    const url = `/api/v1/projects/${project.id}`;
    const key = uniqueKey("NEW");
    const res = await api.patch(
      url,
      { name: "Renamed", description: "d", visibility: "private", timezone: "America/New_York", key },
      { token: ws.owner.token },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      name: "Renamed",
      description: "d",
      visibility: "private",
      timezone: "America/New_York",
      key,
      version: 2,
    });
    expect(res.headers.get("etag")).toBe('"2"');
    const next = await api.patch(url, { name: "Again" }, { token: ws.owner.token, headers: { "if-match": '"2"' } });
    expect(next.status).toBe(200);
    expect(next.body.version).toBe(3);
    const stale = await api.patch(url, { name: "Stale" }, { token: ws.owner.token, headers: { "if-match": '"2"' } });
    expectProblem(stale, 412);
    const after = await api.get(url, { token: ws.owner.token });
    expect(after.body).toMatchObject({ name: "Again", version: 3 });
    const same = await api.patch(url, { name: "Again" }, { token: ws.owner.token });
    expect(same.body.version).toBe(3);
  });

  it("lets exactly one of two PATCHes on the same version win", async () => {
    const { ws, project } = await createTestProject();
    const url = `/api/v1/projects/${project.id}`;
    const results = await Promise.all(
      ["One", "Two"].map((name) => api.patch(url, { name }, { token: ws.owner.token, headers: { "if-match": '"1"' } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    expect((await api.get(url, { token: ws.owner.token })).body.version).toBe(2);
  });

  it("refuses a taken key (409) and bad input (422), changing nothing", async () => {
    const { ws, project } = await createTestProject();
    const other = await createTestProject(ws);
    const url = `/api/v1/projects/${project.id}`;
    expectProblem(await api.patch(url, { key: other.project.key }, { token: ws.owner.token }), 409);
    const cases: [unknown, string][] = [
      [{ key: "lower" }, "key"],
      [{ name: "" }, "name"],
      [{ name: 5 }, "name"],
      [{ timezone: "Nowhere/City" }, "timezone"],
      [{ visibility: "secret" }, "visibility"],
      [{ archivedAt: null }, ""],
      [{ version: 9 }, ""],
    ];
    for (const [body, path] of cases) {
      const res = await api.patch(url, body, { token: ws.owner.token });
      expectProblem(res, 422);
      expect(
        res.body.errors.map((e: any) => e.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    expectProblem(
      await api.patch(url, undefined, { rawBody: "{bad", headers: { "content-type": "application/json" }, token: ws.owner.token }),
      400,
    );
    expectProblem(await api.patch(url, { name: "x" }, { token: ws.owner.token, headers: { "if-match": "nope" } }), 400);
    const after = await api.get(url, { token: ws.owner.token });
    expect(after.body).toMatchObject({ key: project.key, name: project.name, version: 1 });
  });

  it("is for project admins: 401, stranger 404, viewer and member 403, private invisible to outsiders", async () => {
    const c = await createProjectCast("workspace");
    const url = `/api/v1/projects/${c.project.id}`;
    expectProblem(await api.patch(url, { name: "x" }), 401);
    expectProblem(await api.patch(url, { name: "x" }, { token: c.stranger.token }), 404);
    expectProblem(await api.patch(url, { name: "x" }, { token: c.guest.token }), 404);
    expectProblem(await api.patch(url, { name: "x" }, { token: c.viewer.token }), 403);
    expectProblem(await api.patch(url, { name: "x" }, { token: c.member.token }), 403);
    expectProblem(await api.patch(url, { name: "x" }, { token: c.outsider.token }), 403);
    const ok = await api.patch(url, { visibility: "private" }, { token: c.admin.token });
    expect(ok.status).toBe(200);
    expectProblem(await api.get(url, { token: c.outsider.token }), 404);
    expectProblem(await api.patch(url, { name: "x" }, { token: c.outsider.token }), 404);
    expect((await api.get(url, { token: c.viewer.token })).body.role).toBe("viewer");
  });
});

describe("DELETE /api/v1/projects/{projectId} and POST …/restore", () => {
  it("archives (204): reads still work, writes are refused with 409, restore brings it back", async () => {
    const { ws, project } = await createTestProject();
    const url = `/api/v1/projects/${project.id}`;
    const token = ws.owner.token;
    const del = await api.delete(url, { token });
    expect(del.status).toBe(204);
    const got = await api.get(url, { token });
    expect(got.status).toBe(200);
    expect(got.body.archivedAt).toEqual(expect.any(String));
    expect(got.body.version).toBe(2);
    expect((await api.get(`${url}/statuses`, { token })).status).toBe(200);
    expectProblem(await api.patch(url, { name: "x" }, { token }), 409);
    expectProblem(await api.post(`${url}/labels`, { name: "bug" }, { token }), 409);
    expectProblem(await api.post(`${url}/statuses`, { name: "QA", category: "started" }, { token }), 409);
    expect((await api.delete(url, { token })).status).toBe(204);
    const restored = await api.post(`${url}/restore`, undefined, { token });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: project.id, archivedAt: null, version: 3 });
    expect(restored.headers.get("etag")).toBe('"3"');
    expect((await api.patch(url, { name: "Back" }, { token })).status).toBe(200);
    expectProblem(await api.delete(url, { token, headers: { "if-match": '"1"' } }), 412);
  });

  it("is for project admins: 401, stranger 404, viewer and member 403", async () => {
    const c = await createProjectCast("workspace");
    const url = `/api/v1/projects/${c.project.id}`;
    for (const path of [url, `${url}/restore`]) {
      const send = (token?: string) => (path === url ? api.delete(path, { token }) : api.post(path, undefined, { token }));
      expectProblem(await send(), 401);
      expectProblem(await send(c.stranger.token), 404);
      expectProblem(await send(c.guest.token), 404);
      expectProblem(await send(c.viewer.token), 403);
      expectProblem(await send(c.member.token), 403);
    }
    expect((await api.delete(url, { token: c.admin.token })).status).toBe(204);
    expectProblem(await api.post(`${url}/restore`, undefined, { token: c.member.token }), 403);
    expect((await api.post(`${url}/restore`, undefined, { token: c.admin.token })).status).toBe(200);
  });
});
