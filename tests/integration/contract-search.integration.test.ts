import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/app";
import { expectStatus, UUID } from "../helpers/contract";
import { addToWorkspace, createUser, expectProblem, type TestUser, type TestWorkspace } from "../helpers/factories";
import { addToProject, createTestProject, type TestProject } from "../helpers/projects";
import { createTestTask, type TestTask } from "../helpers/tasks";

// Contract, "Tasks" lists and search, saved views and attachments (the "search" engineer's area).

let ws: TestWorkspace;
let project: TestProject;
let owner: TestUser;
let ann: TestUser;
let t: Record<string, TestTask>;
const keysOf = (res: { body: any }) => (res.body.data as TestTask[]).map((x) => x.title);

beforeAll(async () => {
  ({ ws, project, owner } = await createTestProject());
  ann = await createUser();
  await addToWorkspace(ws, ann, "member");
  const bug = (await api.post(`/api/v1/projects/${project.id}/labels`, { name: "bug" }, { token: owner.token })).body.id;
  t = {};
  t.title = await createTestTask(project, owner, { title: "Login page crashes", priority: "low", dueDate: "2030-01-10", labelIds: [bug] });
  t.desc = await createTestTask(project, owner, {
    title: "Session expiry",
    description: "users cannot login after an hour",
    priority: "urgent",
    assigneeIds: [owner.id],
  });
  t.comment = await createTestTask(project, owner, {
    title: "Footer alignment",
    priority: "medium",
    dueDate: "2030-01-05",
    assigneeIds: [ann.id],
  });
  await api.post(`/api/v1/tasks/${t.comment.id}/comments`, { body: "probably the same login problem" }, { token: owner.token });
  t.other = await createTestTask(project, owner, {
    title: "Dark mode colours",
    priority: "high",
    dueDate: "2030-01-20",
    parentId: t.title.id,
  });
}, 120_000);

const list = (query: string, token = owner.token) => api.get(`/api/v1/projects/${project.id}/tasks?${query}`, { token });

describe("task list filters and search", () => {
  it("q is full-text over title, description and comments; title matches rank above description or comment matches", async () => {
    const res = await list("q=login");
    expectStatus(res, 200);
    expect(keysOf(res)[0]).toBe("Login page crashes");
    expect(keysOf(res).sort()).toEqual(["Footer alignment", "Login page crashes", "Session expiry"]);
  });

  it("the last word also matches as a prefix; every word must match; quotes for phrases; -word excludes", async () => {
    expect(keysOf(await list("q=crash"))).toEqual(["Login page crashes"]);
    expect(keysOf(await list("q=dark%20mod"))).toEqual(["Dark mode colours"]);
    expect(keysOf(await list("q=login%20page"))).toEqual(["Login page crashes"]);
    expect(keysOf(await list("q=page%20login"))).toEqual(["Login page crashes"]);
    expect(keysOf(await list(`q=${encodeURIComponent('"login page"')}`))).toEqual(["Login page crashes"]);
    expect(keysOf(await list(`q=${encodeURIComponent('"page login"')}`))).toEqual([]);
    expect(keysOf(await list("q=login%20-crashes")).sort()).toEqual(["Footer alignment", "Session expiry"]);
  });

  it("status, category, assignee (me, none, ids), label, priority take comma-separated values matching any of them", async () => {
    expect(keysOf(await list("priority=urgent,low")).sort()).toEqual(["Login page crashes", "Session expiry"]);
    expect(keysOf(await list("assignee=me"))).toEqual(["Session expiry"]);
    expect(keysOf(await list(`assignee=none,${ann.id}`)).sort()).toEqual(["Dark mode colours", "Footer alignment", "Login page crashes"]);
    expect(keysOf(await list(`label=${t.title!.labels[0]!.id}`))).toEqual(["Login page crashes"]);
    expect((await list(`status=${project.defaultStatus.id},${project.statuses[0]!.id}`)).body.data).toHaveLength(4);
    expect((await list("category=started,completed")).body.data).toHaveLength(0);
    expect(keysOf(await list(`parentId=${t.title!.id}`))).toEqual(["Dark mode colours"]);
  });

  it("dueBefore / dueAfter are on or before / on or after", async () => {
    expect(keysOf(await list("dueBefore=2030-01-10&sort=due"))).toEqual(["Footer alignment", "Login page crashes"]);
    expect(keysOf(await list("dueAfter=2030-01-10&sort=due"))).toEqual(["Login page crashes", "Dark mode colours"]);
  });

  it("sort: priority urgent first; due soonest first, no date last; created, -created, updated, -updated, position", async () => {
    expect(keysOf(await list("sort=priority"))).toEqual(["Session expiry", "Dark mode colours", "Footer alignment", "Login page crashes"]);
    expect(keysOf(await list("sort=due"))).toEqual(["Footer alignment", "Login page crashes", "Dark mode colours", "Session expiry"]);
    expect(keysOf(await list("sort=created"))).toEqual(["Login page crashes", "Session expiry", "Footer alignment", "Dark mode colours"]);
    expect(keysOf(await list("sort=-created"))).toEqual(["Dark mode colours", "Footer alignment", "Session expiry", "Login page crashes"]);
    for (const s of ["relevance", "position", "updated", "-updated"]) expectStatus(await list(`sort=${s}`), 200);
    expect(keysOf(await list(""))).toEqual(keysOf(await list("sort=position")));
  });

  it("unknown sort → 422; a non-numeric limit → 422", async () => {
    for (const bad of ["sort=bogus", "sort=-priority", "limit=ten"]) {
      expectProblem(await list(bad), 422);
      expectProblem(await api.get(`/api/v1/workspaces/${ws.slug}/tasks?${bad}`, { token: owner.token }), 422);
    }
  });

  it("GET /workspaces/{slug}/tasks: the same filters across every project the caller can see; archived projects leave it", async () => {
    const { project: second } = await createTestProject(ws);
    const elsewhere = await createTestTask(second, owner, { title: "Login on mobile" });
    const { project: hidden } = await createTestProject(ws, { visibility: "private" });
    await createTestTask(hidden, owner, { title: "Login secret" });
    const mine = await api.get(`/api/v1/workspaces/${ws.slug}/tasks?q=login`, { token: ann.token });
    expect(keysOf(mine).sort()).toEqual(["Footer alignment", "Login on mobile", "Login page crashes", "Session expiry"]);
    expect(keysOf(await api.get(`/api/v1/workspaces/${ws.slug}/tasks?assignee=me`, { token: ann.token }))).toEqual(["Footer alignment"]);
    await api.delete(`/api/v1/projects/${second.id}`, { token: owner.token });
    expect(keysOf(await api.get(`/api/v1/workspaces/${ws.slug}/tasks?q=login`, { token: ann.token }))).not.toContain("Login on mobile");
    expectStatus(await api.get(`/api/v1/tasks/${elsewhere.id}`, { token: owner.token }), 200);
  });
});

describe("saved views", () => {
  it("{ name, filters, sort?, groupBy?, shared? } → 201; shared defaults to false; PATCH and DELETE", async () => {
    const res = await api.post(
      `/api/v1/projects/${project.id}/views`,
      {
        name: "My bugs",
        filters: { status: [project.defaultStatus.id], assignee: ["me"], q: "login" },
        sort: "priority",
        groupBy: "status",
      },
      { token: owner.token },
    );
    expectStatus(res, 201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(UUID),
      name: "My bugs",
      shared: false,
      sort: "priority",
      groupBy: "status",
    });
    expect(res.body.filters).toMatchObject({ status: [project.defaultStatus.id], assignee: ["me"], q: "login" });
    expectProblem(
      await api.post(
        `/api/v1/projects/${project.id}/views`,
        { name: "Bad", filters: { sort: "nope", colour: "red" } },
        { token: owner.token },
      ),
      422,
    );
    expectProblem(
      await api.post(`/api/v1/projects/${project.id}/views`, { name: "Bad", filters: { priority: ["extreme"] } }, { token: owner.token }),
      422,
    );
    expectStatus(await api.patch(`/api/v1/projects/${project.id}/views/${res.body.id}`, { name: "Renamed" }, { token: owner.token }), 200);
    expectStatus(await api.delete(`/api/v1/projects/${project.id}/views/${res.body.id}`, { token: owner.token }), 204);
  });

  it("viewers may save private views; the owner or a project admin edits a shared view, others get 403", async () => {
    const [viewer, member, padmin] = [await createUser(), await createUser(), await createUser()];
    for (const u of [viewer, member, padmin]) await addToWorkspace(ws, u, "member");
    await addToProject(ws, project.id, viewer, "viewer");
    await addToProject(ws, project.id, member, "member");
    await addToProject(ws, project.id, padmin, "admin");
    expectStatus(await api.post(`/api/v1/projects/${project.id}/views`, { name: "Viewer's", filters: {} }, { token: viewer.token }), 201);
    const shared = (
      await api.post(`/api/v1/projects/${project.id}/views`, { name: "Team", filters: {}, shared: true }, { token: member.token })
    ).body;
    const other = await createUser();
    await addToWorkspace(ws, other, "member");
    await addToProject(ws, project.id, other, "member");
    expectProblem(await api.patch(`/api/v1/projects/${project.id}/views/${shared.id}`, { name: "Hijack" }, { token: other.token }), 403);
    expectStatus(await api.patch(`/api/v1/projects/${project.id}/views/${shared.id}`, { name: "By admin" }, { token: padmin.token }), 200);
    expectStatus(await api.patch(`/api/v1/projects/${project.id}/views/${shared.id}`, { name: "By owner" }, { token: member.token }), 200);
  });
});

describe("attachments", () => {
  it("POST multipart file → 201 { id, filename, size, contentType }; GET bytes with Content-Type and Content-Disposition; DELETE → 204", async () => {
    const form = new FormData();
    form.set("file", new Blob(["hello, world"], { type: "text/plain" }), "notes.txt");
    const up = await api.post(`/api/v1/tasks/${t.title!.key}/attachments`, undefined, { token: owner.token, rawBody: form });
    expectStatus(up, 201);
    expect(up.body).toMatchObject({ id: expect.stringMatching(UUID), filename: "notes.txt", size: 12, contentType: "text/plain" });
    const listed = await api.get(`/api/v1/tasks/${t.title!.key}/attachments`, { token: owner.token });
    expect(listed.body.data.map((a: { id: string }) => a.id)).toContain(up.body.id);
    const file = await api.get(`/api/v1/attachments/${up.body.id}`, { token: owner.token });
    expectStatus(file, 200);
    expect(file.body).toBe("hello, world");
    expect(file.headers.get("content-type")).toContain("text/plain");
    expect(file.headers.get("content-disposition")).toContain("notes.txt");
    const stranger = await createUser();
    expectProblem(await api.get(`/api/v1/attachments/${up.body.id}`, { token: stranger.token }), 404);
    expectStatus(await api.delete(`/api/v1/attachments/${up.body.id}`, { token: owner.token }), 204);
    expectProblem(await api.get(`/api/v1/attachments/${up.body.id}`, { token: owner.token }), 404);
    expectProblem(await api.post(`/api/v1/tasks/${t.title!.key}/attachments`, { file: "x" }, { token: owner.token }), 415);
  });
});
