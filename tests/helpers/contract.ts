import { expect } from "vitest";
import { api } from "./app";
import { addToWorkspace, createTestWorkspace, createUser, type TestUser, type TestWorkspace } from "./factories";
import { addToProject, createTestProject, type TestProject } from "./projects";
import { createTestTask, type TestTask } from "./tasks";

// Checks of the public contract (/work/shared/api-contract.md) read the API from outside:
// only HTTP status, headers and JSON, never our tables.

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/** ISO-8601 in UTC: a `Z` offset, nothing else. */
export const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

export type Res = { status: number; body: any; headers: Headers };

export function expectStatus(res: Res, status: number): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
}

/** `ETag: "<version>"`: strong (no W/), the body's version in quotes. */
export function expectStrongEtag(res: Res, version = res.body?.version): void {
  expect(typeof version).toBe("number");
  expect(res.headers.get("etag")).toBe(`"${version}"`);
}

/** Every value under a key ending in `id`/`Id`/`Ids` is a UUID string; every `…At` is ISO UTC (or null). */
export function expectIdsAndTimes(value: unknown, where = "body"): void {
  if (Array.isArray(value)) return value.forEach((v, i) => expectIdsAndTimes(v, `${where}.${i}`));
  if (value === null || typeof value !== "object") return;
  for (const [k, v] of Object.entries(value)) {
    const path = `${where}.${k}`;
    if ((k === "id" || k.endsWith("Id")) && v !== null) expect(v, path).toMatch(UUID);
    if (k.endsWith("Ids") && Array.isArray(v)) v.forEach((x) => expect(x, path).toMatch(UUID));
    if (k.endsWith("At") && v !== null) expect(v, path).toMatch(ISO_UTC);
    expectIdsAndTimes(v, path);
  }
}

export type World = {
  ws: TestWorkspace;
  owner: TestUser;
  member: TestUser;
  viewer: TestUser;
  stranger: TestUser;
  project: TestProject;
  other: TestProject;
  tasks: [TestTask, TestTask];
  labelIds: [string, string];
  comments: [any, any];
  hooks: [any, any];
  views: [any, any];
};

const post = async (url: string, body: unknown, token: string) => {
  const res = await api.post(url, body, { token });
  expect([201, 202], `${url}: ${JSON.stringify(res.body)}`).toContain(res.status);
  return res.body;
};

/** A workspace where every list of the API holds at least two rows. */
export async function buildWorld(): Promise<World> {
  const ws = await createTestWorkspace();
  const owner = ws.owner;
  const [member, viewer, stranger] = await Promise.all([createUser(), createUser(), createUser()]);
  await addToWorkspace(ws, member, "member");
  await addToWorkspace(ws, viewer, "member");
  const { project } = await createTestProject(ws);
  const { project: other } = await createTestProject(ws);
  await addToProject(ws, project.id, member, "member");
  await addToProject(ws, project.id, viewer, "viewer");
  const labelIds = [
    (await post(`/api/v1/projects/${project.id}/labels`, { name: "bug" }, owner.token)).id,
    (await post(`/api/v1/projects/${project.id}/labels`, { name: "ux" }, owner.token)).id,
  ] as [string, string];
  const a = await createTestTask(project, owner, { title: "First task", assigneeIds: [member.id], labelIds });
  const b = await createTestTask(project, owner, { title: "Second task" });
  await api.patch(`/api/v1/tasks/${a.id}`, { title: "First task, renamed", priority: "high" }, { token: owner.token });
  const comments = [
    await post(`/api/v1/tasks/${a.id}/comments`, { body: "one" }, owner.token),
    await post(`/api/v1/tasks/${a.id}/comments`, { body: "two" }, member.token),
  ] as [any, any];
  const hooks = [
    await post(`/api/v1/workspaces/${ws.slug}/webhooks`, { url: "https://93.184.215.14/one", events: ["task.created"] }, owner.token),
    await post(`/api/v1/workspaces/${ws.slug}/webhooks`, { url: "https://93.184.215.14/two", events: ["task.updated"] }, owner.token),
  ] as [any, any];
  const views = [
    await post(`/api/v1/projects/${project.id}/views`, { name: "Mine", filters: { assignee: ["me"] } }, owner.token),
    await post(`/api/v1/projects/${project.id}/views`, { name: "Bugs", filters: { label: [labelIds[0]] }, shared: true }, owner.token),
  ] as [any, any];
  await post("/api/v1/tokens", { name: "ci" }, owner.token);
  await post("/api/v1/tokens", { name: "cd" }, owner.token);
  const w = await createTestWorkspace(owner);
  expect(w.slug).toBeTruthy();
  return { ws, owner, member, viewer, stranger, project, other, tasks: [a, b], labelIds, comments, hooks, views };
}
