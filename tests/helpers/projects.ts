import { expect } from "vitest";
import { api } from "./app";
import { addToWorkspace, createTestWorkspace, createUser, unique, type TestUser, type TestWorkspace } from "./factories";
import { randomBytes } from "node:crypto";

export type TestStatus = {
  id: string;
  name: string;
  category: "backlog" | "unstarted" | "started" | "completed" | "canceled";
  color: string;
  position: string;
  isDefault: boolean;
};
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
  const res = await api.post(
    `/api/v1/workspaces/${workspace.slug}/projects`,
    { name: input.name ?? `Project ${key}`, key, ...(input.visibility ? { visibility: input.visibility } : {}) },
    { token: workspace.owner.token },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const list = await api.get(`/api/v1/projects/${res.body.id}/statuses`, { token: workspace.owner.token });
  expect(list.status, JSON.stringify(list.body)).toBe(200);
  const statuses = list.body.data as TestStatus[];
  const project: TestProject = { ...res.body, statuses, defaultStatus: statuses.find((s) => s.isDefault)! };
  return { ws: workspace, project, owner: workspace.owner };
}

/** Adds a workspace member to a project with a role (as the workspace owner). */
export async function addToProject(
  ws: TestWorkspace,
  projectId: string,
  user: TestUser,
  role: "admin" | "member" | "viewer",
): Promise<void> {
  const res = await api.post(`/api/v1/projects/${projectId}/members`, { userId: user.id, role }, { token: ws.owner.token });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

export type ProjectCast = {
  ws: TestWorkspace;
  project: TestProject;
  owner: TestUser;
  /** Workspace member, project admin. */
  admin: TestUser;
  /** Workspace member, project member. */
  member: TestUser;
  /** Workspace member, project viewer. */
  viewer: TestUser;
  /** Workspace member, not in the project (a `member` of workspace-visible projects, blind to private ones). */
  outsider: TestUser;
  /** Workspace guest, not in the project. */
  guest: TestUser;
  /** In no workspace of ours. */
  stranger: TestUser;
};

/** A project with one person per role, for permission tests. */
export async function createProjectCast(visibility: "workspace" | "private" = "workspace"): Promise<ProjectCast> {
  const { ws, project, owner } = await createTestProject(undefined, { visibility });
  const [admin, member, viewer, outsider, guest, stranger] = await Promise.all(
    ["admin", "member", "viewer", "outsider", "guest", "stranger"].map((r) => createUser(unique(r))),
  );
  for (const u of [admin!, member!, viewer!, outsider!]) await addToWorkspace(ws, u, "member");
  await addToWorkspace(ws, guest!, "guest");
  await addToProject(ws, project.id, admin!, "admin");
  await addToProject(ws, project.id, member!, "member");
  await addToProject(ws, project.id, viewer!, "viewer");
  return { ws, project, owner, admin: admin!, member: member!, viewer: viewer!, outsider: outsider!, guest: guest!, stranger: stranger! };
}
