import { api } from "../../helpers/app";
import { createTestWorkspace, createUser, PASSWORD, type TestUser, type TestWorkspace } from "../../helpers/factories";
import { createTestProject, type TestProject } from "../../helpers/projects";
import { createTestTask, type TestTask } from "../../helpers/tasks";

// Real rows for the property test's path parameters and body fields: a workspace with a project, tasks,
// a label, a comment, a view, an attachment, a time entry, a pending invitation and a personal access token.
export type Fixture = {
  owner: TestUser;
  member: TestUser;
  stranger: TestUser;
  ws: TestWorkspace;
  project: TestProject;
  tasks: TestTask[];
  ids: Record<string, string[]>;
};

async function idOf(res: Promise<{ status: number; body: any }>, path: (b: any) => string | undefined): Promise<string[]> {
  const r = await res;
  const id = r.status < 300 ? path(r.body) : undefined;
  return id ? [id] : [];
}

export async function createFixture(): Promise<Fixture> {
  const [owner, member, stranger] = await Promise.all([createUser(), createUser(), createUser()]);
  const ws = await createTestWorkspace(owner);
  await api.post(`/api/v1/workspaces/${ws.slug}/members`, { email: member.email, role: "member" }, { token: owner.token });
  const { project } = await createTestProject(ws);
  const tasks = [
    await createTestTask(project, owner, { title: "Fixture one", assigneeIds: [member.id] }),
    await createTestTask(project, owner, { title: "Fixture two" }),
  ];
  const t = owner.token;
  const form = new FormData();
  form.append("file", new Blob(["hello"], { type: "text/plain" }), "hello.txt");
  const [labelId, commentId, viewId, invitationId, tokenId, attachmentId, entryId] = await Promise.all([
    idOf(api.post(`/api/v1/projects/${project.id}/labels`, { name: "fixture", color: "#ff0000" }, { token: t }), (b) => b.id),
    idOf(api.post(`/api/v1/tasks/${tasks[0]!.key}/comments`, { body: "hello @x" }, { token: t }), (b) => b.id),
    idOf(api.post(`/api/v1/projects/${project.id}/views`, { name: "fixture view", filters: {} }, { token: t }), (b) => b.id),
    idOf(
      api.post(`/api/v1/workspaces/${ws.slug}/members`, { email: `${ws.slug}-invitee@example.test`, role: "member" }, { token: t }),
      (b) => b.invitation?.id,
    ),
    idOf(api.post(`/api/v1/tokens`, { name: "fixture" }, { token: t }), (b) => b.id),
    idOf(api.post(`/api/v1/tasks/${tasks[0]!.key}/attachments`, undefined, { token: t, rawBody: form }), (b) => b.id),
    idOf(api.post(`/api/v1/tasks/${tasks[0]!.key}/time-entries`, { durationSeconds: 600 }, { token: t }), (b) => b.id),
  ]);
  const cycleId = await idOf(
    api.post(
      `/api/v1/projects/${project.id}/cycles`,
      { name: "fixture cycle", startDate: "2031-01-06", endDate: "2031-01-19" },
      { token: t },
    ),
    (b) => b.id,
  );
  const statusIds = project.statuses.map((s) => s.id);
  return {
    owner,
    member,
    stranger,
    ws,
    project,
    tasks,
    ids: {
      slug: [ws.slug],
      projectId: [project.id],
      idOrKey: tasks.flatMap((x) => [x.key, x.id]),
      otherIdOrKey: tasks.flatMap((x) => [x.key, x.id]),
      parentId: tasks.map((x) => x.id),
      blockedBy: tasks.map((x) => x.key),
      statusId: statusIds,
      moveTo: statusIds,
      labelId,
      labelIds: labelId,
      userId: [owner.id, member.id],
      assigneeIds: [owner.id, member.id],
      assigneeId: [owner.id, member.id],
      commentId,
      viewId,
      cycleId,
      invitationId,
      "tokens.id": tokenId,
      "attachments.id": attachmentId,
      entryId,
      email: [member.email, stranger.email, "newcomer@example.test"],
      password: [PASSWORD],
    },
  };
}

/** Whether the fixture still stands after a successful change (a deleted workspace, a new slug, a revoked token). */
export async function fixtureStands(f: Fixture): Promise<boolean> {
  const [w, p, me] = await Promise.all([
    api.get(`/api/v1/workspaces/${f.ws.slug}`, { token: f.owner.token }),
    api.get(`/api/v1/projects/${f.project.id}`, { token: f.owner.token }),
    api.get(`/api/v1/tasks/${f.tasks[0]!.key}`, { token: f.owner.token }),
  ]);
  return w.status === 200 && p.status === 200 && me.status === 200;
}

/** A second session of the owner, for logout (which would otherwise end the session the test runs on). */
export async function spareToken(f: Fixture): Promise<string | undefined> {
  const r = await api.post("/api/v1/auth/login", { email: f.owner.email, password: PASSWORD }, { ip: f.owner.ip });
  return r.status === 200 ? (r.body.token as string) : undefined;
}
