import { beforeAll, describe, expect, it } from "vitest";
import { database } from "@/db/client";
import { api } from "../helpers/app";
import { addToWorkspace, createUser, expectProblem, type TestUser } from "../helpers/factories";
import { createTestTask, createTestTeam } from "../helpers/tasks";

beforeAll(async () => {
  await database();
}, 120_000);

type Team = Awaited<ReturnType<typeof createTestTeam>>;
type Role = "viewer" | "member" | "admin" | "stranger" | "anonymous";
// Each case builds its own fresh target, so one role's success cannot change another's answer.
type Case = { name: string; run: (team: Team, as: TestUser | undefined) => Promise<{ status: number }>; expect: Record<Role, number> };

const read = { viewer: 200, member: 200, admin: 200, stranger: 404, anonymous: 401 };
const write = (ok: number) => ({ viewer: 403, member: ok, admin: ok, stranger: 404, anonymous: 401 });
const opts = (u?: TestUser) => ({ token: u?.token });

const cases: Case[] = [
  { name: "create task", run: (t, u) => api.post(`/api/v1/projects/${t.project.id}/tasks`, { title: "x" }, opts(u)), expect: write(201) },
  {
    name: "get task by id",
    run: async (t, u) => api.get(`/api/v1/tasks/${(await createTestTask(t.project, t.owner)).id}`, opts(u)),
    expect: read,
  },
  {
    name: "get task by key",
    run: async (t, u) => api.get(`/api/v1/tasks/${(await createTestTask(t.project, t.owner)).key}`, opts(u)),
    expect: read,
  },
  {
    name: "update task",
    run: async (t, u) => api.patch(`/api/v1/tasks/${(await createTestTask(t.project, t.owner)).id}`, { title: "y" }, opts(u)),
    expect: write(200),
  },
  {
    name: "delete task",
    run: async (t, u) => api.delete(`/api/v1/tasks/${(await createTestTask(t.project, t.owner)).id}`, opts(u)),
    expect: write(204),
  },
  {
    name: "get dependencies",
    run: async (t, u) => api.get(`/api/v1/tasks/${(await createTestTask(t.project, t.owner)).id}/dependencies`, opts(u)),
    expect: read,
  },
  {
    name: "add dependency",
    run: async (t, u) => {
      const [a, b] = [await createTestTask(t.project, t.owner), await createTestTask(t.project, t.owner)];
      return api.post(`/api/v1/tasks/${a.id}/dependencies`, { blockedBy: b.id }, opts(u));
    },
    expect: write(201),
  },
  {
    name: "remove dependency",
    run: async (t, u) => {
      const [a, b] = [await createTestTask(t.project, t.owner), await createTestTask(t.project, t.owner)];
      await api.post(`/api/v1/tasks/${a.id}/dependencies`, { blockedBy: b.id }, opts(t.owner));
      return api.delete(`/api/v1/tasks/${a.id}/dependencies/${b.id}`, opts(u));
    },
    expect: write(204),
  },
  {
    name: "list watchers",
    run: async (t, u) => api.get(`/api/v1/tasks/${(await createTestTask(t.project, t.owner)).id}/watchers`, opts(u)),
    expect: read,
  },
  // Watching is the caller's own subscription: viewers may watch.
  {
    name: "watch",
    run: async (t, u) => api.post(`/api/v1/tasks/${(await createTestTask(t.project, t.owner)).id}/watchers`, undefined, opts(u)),
    expect: { ...read, viewer: 204, member: 204, admin: 204 },
  },
  {
    name: "unwatch",
    run: async (t, u) => api.delete(`/api/v1/tasks/${(await createTestTask(t.project, t.owner)).id}/watchers`, opts(u)),
    expect: { ...read, viewer: 204, member: 204, admin: 204 },
  },
  {
    name: "activity",
    run: async (t, u) => api.get(`/api/v1/tasks/${(await createTestTask(t.project, t.owner)).id}/activity`, opts(u)),
    expect: read,
  },
  {
    name: "list comments",
    run: async (t, u) => api.get(`/api/v1/tasks/${(await createTestTask(t.project, t.owner)).id}/comments`, opts(u)),
    expect: read,
  },
  {
    name: "comment",
    run: async (t, u) => api.post(`/api/v1/tasks/${(await createTestTask(t.project, t.owner)).id}/comments`, { body: "hi" }, opts(u)),
    expect: write(201),
  },
  {
    name: "edit someone else's comment",
    run: async (t, u) => {
      const task = await createTestTask(t.project, t.owner);
      const c = await api.post(`/api/v1/tasks/${task.id}/comments`, { body: "mine" }, opts(t.owner));
      return api.patch(`/api/v1/comments/${c.body.id}`, { body: "theirs" }, opts(u));
    },
    // Only the author edits, project admins included.
    expect: { viewer: 403, member: 403, admin: 403, stranger: 404, anonymous: 401 },
  },
  {
    name: "delete someone else's comment",
    run: async (t, u) => {
      const task = await createTestTask(t.project, t.owner);
      const c = await api.post(`/api/v1/tasks/${task.id}/comments`, { body: "mine" }, opts(t.owner));
      return api.delete(`/api/v1/comments/${c.body.id}`, opts(u));
    },
    expect: { viewer: 403, member: 403, admin: 204, stranger: 404, anonymous: 401 },
  },
];

describe("permission matrix", () => {
  let team: Team;
  beforeAll(async () => {
    team = await createTestTeam();
  }, 120_000);

  for (const c of cases) {
    it(`${c.name}: viewer, member, admin, stranger, no token`, async () => {
      const users: Record<Role, TestUser | undefined> = {
        viewer: team.viewer,
        member: team.member,
        admin: team.admin,
        stranger: team.stranger,
        anonymous: undefined,
      };
      for (const role of Object.keys(c.expect) as Role[]) {
        const res = await c.run(team, users[role]);
        expect(res.status, `${c.name} as ${role}: ${JSON.stringify((res as { body?: unknown }).body)}`).toBe(c.expect[role]);
      }
    });
  }

  it("the author edits and deletes their own comment", async () => {
    const task = await createTestTask(team.project, team.owner);
    const c = (await api.post(`/api/v1/tasks/${task.id}/comments`, { body: "mine" }, opts(team.member))).body;
    expect((await api.patch(`/api/v1/comments/${c.id}`, { body: "edited" }, opts(team.member))).status).toBe(200);
    expect((await api.delete(`/api/v1/comments/${c.id}`, opts(team.member))).status).toBe(204);
  });

  it("hides tasks from workspace guests who are not project members", async () => {
    const guest = await createUser();
    await addToWorkspace(team.ws, guest, "guest");
    const task = await createTestTask(team.project, team.owner);
    expectProblem(await api.get(`/api/v1/tasks/${task.key}`, opts(guest)), 404);
    expectProblem(await api.patch(`/api/v1/tasks/${task.id}`, { title: "x" }, opts(guest)), 404);
  });

  it("keeps an archived project's tasks readable and refuses writes with 409", async () => {
    const t = await createTestTeam();
    const task = await createTestTask(t.project, t.owner);
    const other = await createTestTask(t.project, t.owner);
    const comment = (await api.post(`/api/v1/tasks/${task.id}/comments`, { body: "c" }, opts(t.member))).body;
    expect((await api.delete(`/api/v1/projects/${t.project.id}`, opts(t.owner))).status).toBe(204);
    expect((await api.get(`/api/v1/tasks/${task.key}`, opts(t.member))).status).toBe(200);
    expect((await api.get(`/api/v1/tasks/${task.id}/comments`, opts(t.viewer))).status).toBe(200);
    expectProblem(await api.post(`/api/v1/projects/${t.project.id}/tasks`, { title: "x" }, opts(t.member)), 409);
    expectProblem(await api.patch(`/api/v1/tasks/${task.id}`, { title: "x" }, opts(t.member)), 409);
    expectProblem(await api.delete(`/api/v1/tasks/${task.id}`, opts(t.admin)), 409);
    expectProblem(await api.post(`/api/v1/tasks/${task.id}/dependencies`, { blockedBy: other.id }, opts(t.member)), 409);
    expectProblem(await api.post(`/api/v1/tasks/${task.id}/comments`, { body: "x" }, opts(t.member)), 409);
    expectProblem(await api.patch(`/api/v1/comments/${comment.id}`, { body: "x" }, opts(t.member)), 409);
    expectProblem(await api.delete(`/api/v1/comments/${comment.id}`, opts(t.member)), 409);
    // Viewers still get 403 rather than learning about the archive first.
    expectProblem(await api.patch(`/api/v1/tasks/${task.id}`, { title: "x" }, opts(t.viewer)), 403);
  });
});
