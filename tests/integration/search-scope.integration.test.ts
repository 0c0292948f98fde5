import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/app";
import { addToWorkspace, createTestWorkspace, createUser, expectProblem, type TestUser, type TestWorkspace } from "../helpers/factories";
import { addToProject, createTestProject, type TestProject } from "../helpers/projects";
import { seedTasks } from "../helpers/search";

// GET /workspaces/{slug}/tasks returns tasks of the projects the caller can see, and only those.
let ws: TestWorkspace;
let other: TestWorkspace;
const p: Record<string, TestProject> = {};
const u: Record<string, TestUser> = {};

const projectsSeen = async (user: TestUser, qs = "q=needle") => {
  const res = await api.get(`/api/v1/workspaces/${ws.slug}/tasks?${qs}&limit=100`, { token: user.token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const ids = new Set((res.body.data as { projectId: string }[]).map((t) => t.projectId));
  return Object.keys(p)
    .filter((k) => ids.has(p[k]!.id))
    .sort();
};

beforeAll(async () => {
  ws = await createTestWorkspace();
  other = await createTestWorkspace();
  [u.member, u.admin, u.guest, u.insider, u.stranger] = await Promise.all([
    createUser(),
    createUser(),
    createUser(),
    createUser(),
    createUser(),
  ]);
  await Promise.all([
    addToWorkspace(ws, u.member!, "member"),
    addToWorkspace(ws, u.admin!, "admin"),
    addToWorkspace(ws, u.guest!, "guest"),
    addToWorkspace(ws, u.insider!, "member"),
  ]);
  p.open = (await createTestProject(ws)).project;
  p.secret = (await createTestProject(ws, { visibility: "private" })).project;
  p.guests = (await createTestProject(ws)).project;
  p.archived = (await createTestProject(ws)).project;
  p.elsewhere = (await createTestProject(other)).project;
  await addToProject(ws, p.secret.id, u.insider!, "viewer");
  await addToProject(ws, p.guests.id, u.guest!, "viewer");
  for (const [name, project] of Object.entries(p)) {
    await seedTasks(project.id, [{ title: `needle in ${name}`, statusId: project.defaultStatus.id, assigneeIds: [ws.owner.id] }]);
  }
  expect((await api.delete(`/api/v1/projects/${p.archived.id}`, { token: ws.owner.token })).status).toBe(204);
});

describe("workspace-wide search", () => {
  it("owners and admins see every non-archived project of the workspace, private ones included", async () => {
    expect(await projectsSeen(ws.owner)).toEqual(["guests", "open", "secret"]);
    expect(await projectsSeen(u.admin!)).toEqual(["guests", "open", "secret"]);
  });

  it("members see workspace-visible projects and the private ones they belong to", async () => {
    expect(await projectsSeen(u.member!)).toEqual(["guests", "open"]);
    expect(await projectsSeen(u.insider!)).toEqual(["guests", "open", "secret"]);
  });

  it("guests see only the projects they were added to", async () => {
    expect(await projectsSeen(u.guest!)).toEqual(["guests"]);
    expect(await projectsSeen(u.guest!, "sort=created")).toEqual(["guests"]);
  });

  it("never finds a private task by its key for an outsider", async () => {
    const key = `${p.secret!.key}-1`;
    const res = await api.get(`/api/v1/workspaces/${ws.slug}/tasks?q=${key}`, { token: u.member!.token });
    expect(res.body.data).toEqual([]);
    const owner = await api.get(`/api/v1/workspaces/${ws.slug}/tasks?q=${key}`, { token: ws.owner.token });
    expect(owner.body.data[0].key).toBe(key);
  });

  it("assignee=me gives my tasks across projects", async () => {
    expect(await projectsSeen(ws.owner, "assignee=me")).toEqual(["guests", "open", "secret"]);
    expect(await projectsSeen(u.member!, "assignee=me")).toEqual([]);
  });

  it("answers 404 to non-members of the workspace and 422 to bad filters", async () => {
    expectProblem(await api.get(`/api/v1/workspaces/${ws.slug}/tasks`, { token: u.stranger!.token }), 404);
    expectProblem(await api.get(`/api/v1/workspaces/${ws.slug}/tasks`, { token: other.owner.token }), 404);
    expectProblem(await api.get(`/api/v1/workspaces/${ws.slug}/tasks?sort=nope`, { token: ws.owner.token }), 422);
    expectProblem(await api.get(`/api/v1/workspaces/${ws.slug}/tasks?cursor=abc`, { token: ws.owner.token }), 400);
  });

  it("an archived project's tasks stay readable in the project itself", async () => {
    const res = await api.get(`/api/v1/projects/${p.archived!.id}/tasks`, { token: u.member!.token });
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    expectProblem(await api.get(`/api/v1/projects/${p.secret!.id}/tasks`, { token: u.member!.token }), 404);
  });
});
