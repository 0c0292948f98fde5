import { expect } from "vitest";
import { api } from "./app";
import { createTestWorkspace, type TestUser, type TestWorkspace } from "./factories";
import { randomBytes } from "node:crypto";

export type TestStatus = { id: string; name: string; category: "backlog" | "unstarted" | "started" | "completed" | "canceled"; color: string; position: string; isDefault: boolean };
export type TestProject = {
  id: string;
  workspaceId: string;
  key: string;
  name: string;
  description: string;
  visibility: "workspace" | "private";
  timezone: string;
  version: number;
  archivedAt: string | null;
  role: "admin" | "member" | "viewer";
  /** The workflow in board order (from GET …/statuses). */
  statuses: TestStatus[];
  /** The default status for new tasks (Todo on a fresh project). */
  defaultStatus: TestStatus;
};

/** A random valid project key: a letter then up to 9 of A-Z0-9. */
export function uniqueKey(prefix = "P"): string {
  return (prefix + randomBytes(4).toString("hex").toUpperCase()).slice(0, 10);
}

/** A fresh project in a fresh (or the given) workspace, created by the workspace owner, who is its admin. */
export async function createTestProject(
  ws?: TestWorkspace,
  input: Partial<{ name: string; key: string; visibility: "workspace" | "private" }> = {},
): Promise<{ ws: TestWorkspace; project: TestProject; owner: TestUser }> {
  const workspace = ws ?? (await createTestWorkspace());
  const key = input.key ?? uniqueKey();
  const res = await api.post(`/api/v1/workspaces/${workspace.slug}/projects`, { name: input.name ?? `Project ${key}`, key, ...(input.visibility ? { visibility: input.visibility } : {}) }, { token: workspace.owner.token });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const list = await api.get(`/api/v1/projects/${res.body.id}/statuses`, { token: workspace.owner.token });
  expect(list.status, JSON.stringify(list.body)).toBe(200);
  const statuses = list.body.data as TestStatus[];
  const project: TestProject = { ...res.body, statuses, defaultStatus: statuses.find((s) => s.isDefault)! };
  return { ws: workspace, project, owner: workspace.owner };
}

/** Adds a workspace member to a project with a role (as the workspace owner). */
export async function addToProject(ws: TestWorkspace, projectId: string, user: TestUser, role: "admin" | "member" | "viewer"): Promise<void> {
  const res = await api.post(`/api/v1/projects/${projectId}/members`, { userId: user.id, role }, { token: ws.owner.token });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}
