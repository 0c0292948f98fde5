import { generateKeyBetween } from "fractional-indexing";
import { beforeAll, describe, expect, it } from "vitest";
import { database } from "@/db/client";
import { api } from "../helpers/app";
import { expectProblem } from "../helpers/factories";
import { createTestProject } from "../helpers/projects";
import { createTestTask, createTestTeam, eventsOf } from "../helpers/tasks";

beforeAll(async () => {
  await database();
});

describe("PATCH /api/v1/tasks/{idOrKey}", () => {
  it("changes fields, bumps the version, and writes one activity entry per changed field", async () => {
    const { project, owner, member } = await createTestTeam();
    const label = (await api.post(`/api/v1/projects/${project.id}/labels`, { name: "ui" }, { token: owner.token })).body;
    const task = await createTestTask(project, owner, { title: "Old", priority: "low" });
    const res = await api.patch(
      `/api/v1/tasks/${task.key}`,
      { title: "New", priority: "low", assigneeIds: [member.id], labelIds: [label.id], dueDate: "2031-05-06", estimate: 2 },
      { token: member.token },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get("etag")).toBe('"2"');
    expect(res.body).toMatchObject({
      title: "New",
      priority: "low",
      version: 2,
      dueDate: "2031-05-06",
      estimate: 2,
      assignees: [{ id: member.id }],
      labels: [{ id: label.id }],
    });
    expect(Date.parse(res.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(task.updatedAt));

    const activity = (await api.get(`/api/v1/tasks/${task.id}/activity`, { token: member.token })).body.data;
    expect(activity.slice(1).map((a: any) => [a.type, a.field, a.from, a.to, a.actor.id])).toEqual([
      ["updated", "title", "Old", "New", member.id],
      ["updated", "dueDate", null, "2031-05-06", member.id],
      ["updated", "estimate", null, 2, member.id],
      ["updated", "assignees", [], [member.id], member.id],
      ["updated", "labels", [], [label.id], member.id],
    ]);
    const events = await eventsOf(project.id);
    expect(events.map((e) => e.type)).toEqual(["task.created", "task.updated"]);
    expect(events[1]!.data.task).toMatchObject({ id: task.id, version: 2, title: "New" });
    expect(events[1]!.data.changes).toContainEqual({ field: "title", from: "Old", to: "New" });
    expect(events[1]!.data.changes).toHaveLength(5);
  });

  it("changes nothing, and records nothing, when every value is already current", async () => {
    const { project, owner } = await createTestProject();
    const task = await createTestTask(project, owner, { title: "Same" });
    const res = await api.patch(`/api/v1/tasks/${task.id}`, { title: "Same", assigneeIds: [] }, { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);
    expect((await eventsOf(project.id)).length).toBe(1);
  });

  it("sets completedAt on entering a completed or canceled status and clears it on leaving", async () => {
    const { project, owner } = await createTestProject();
    const byCategory = (c: string) => project.statuses.find((s) => s.category === c)!;
    const task = await createTestTask(project, owner);
    const done = await api.patch(`/api/v1/tasks/${task.id}`, { statusId: byCategory("completed").id }, { token: owner.token });
    expect(done.body.status).toEqual({ id: byCategory("completed").id, name: "Done", category: "completed" });
    expect(done.body.completedAt).not.toBeNull();
    const canceled = await api.patch(`/api/v1/tasks/${task.id}`, { statusId: byCategory("canceled").id }, { token: owner.token });
    expect(canceled.body.completedAt).not.toBeNull();
    const reopened = await api.patch(`/api/v1/tasks/${task.id}`, { statusId: byCategory("started").id }, { token: owner.token });
    expect(reopened.body.completedAt).toBeNull();
    const statusRows = (await api.get(`/api/v1/tasks/${task.id}/activity`, { token: owner.token })).body.data.filter(
      (a: any) => a.field === "status",
    );
    expect(statusRows.map((a: any) => a.to)).toEqual([
      project.defaultStatus.id,
      byCategory("completed").id,
      byCategory("canceled").id,
      byCategory("started").id,
    ]);
  });

  it("refuses a status of another project and other bad values with 422, changing nothing", async () => {
    const { project, owner, stranger } = await createTestTeam();
    const other = await createTestProject();
    const task = await createTestTask(project, owner);
    const otherTask = await createTestTask(other.project, other.owner);
    const cases: [unknown, string][] = [
      [{}, ""],
      [{ statusId: other.project.defaultStatus.id }, "statusId"],
      [{ statusId: "todo" }, "statusId"],
      [{ title: "" }, "title"],
      [{ title: null }, "title"],
      [{ priority: "p1" }, "priority"],
      [{ assigneeIds: [stranger.id] }, "assigneeIds.0"],
      [{ labelIds: ["00000000-0000-4000-8000-000000000000"] }, "labelIds.0"],
      [{ parentId: otherTask.id }, "parentId"],
      [{ parentId: task.id }, "parentId"],
      [{ dueDate: "2031-02-29" }, "dueDate"],
      [{ startDate: "2031-03-02", dueDate: "2031-03-01" }, "dueDate"],
      [{ estimate: -5 }, "estimate"],
      [{ position: "" }, "position"],
      [{ position: "not a key!" }, "position"],
      [{ position: {} }, "position"],
      [{ position: { after: "x" } }, "position.after"],
      [{ position: { after: otherTask.id } }, "position.after"],
      [{ position: { before: task.id } }, "position.before"],
    ];
    for (const [body, path] of cases) {
      const res = await api.patch(`/api/v1/tasks/${task.id}`, body, { token: owner.token });
      expectProblem(res, 422);
      expect(res.body.errors, JSON.stringify(body)).toContainEqual({ path, message: expect.any(String) });
    }
    const after = await api.get(`/api/v1/tasks/${task.id}`, { token: owner.token });
    expect(after.body).toEqual(task);
    expect((await eventsOf(project.id)).length).toBe(1);
    expectProblem(await api.patch(`/api/v1/tasks/${task.id}`, { title: "x" }, { token: owner.token, headers: { "if-match": "abc" } }), 400);
  });

  it("moves a task by fractional key or between neighbours", async () => {
    const { project, owner } = await createTestProject();
    const [a, b, c] = [await createTestTask(project, owner), await createTestTask(project, owner), await createTestTask(project, owner)];
    const between = await api.patch(`/api/v1/tasks/${c.id}`, { position: { after: a.id, before: b.id } }, { token: owner.token });
    expect(between.status, JSON.stringify(between.body)).toBe(200);
    expect(a.position < between.body.position && between.body.position < b.position).toBe(true);
    const first = await api.patch(`/api/v1/tasks/${b.id}`, { position: { before: a.id } }, { token: owner.token });
    expect(first.body.position < a.position).toBe(true);
    const afterA = await api.patch(`/api/v1/tasks/${first.body.id}`, { position: { after: a.id } }, { token: owner.token });
    expect(afterA.body.position > a.position && afterA.body.position < between.body.position).toBe(true);
    const key = generateKeyBetween(between.body.position, null);
    const explicit = await api.patch(`/api/v1/tasks/${a.id}`, { position: key }, { token: owner.token });
    expect(explicit.body.position).toBe(key);
    const moves = (await api.get(`/api/v1/tasks/${a.id}/activity`, { token: owner.token })).body.data.filter(
      (x: any) => x.field === "position",
    );
    expect(moves).toEqual([expect.objectContaining({ from: a.position, to: key })]);
  });

  it("makes subtasks and refuses to make a task its own ancestor", async () => {
    const { project, owner } = await createTestProject();
    const root = await createTestTask(project, owner, { title: "root" });
    const child = await createTestTask(project, owner, { title: "child", parentId: root.id });
    const grandchild = await createTestTask(project, owner, { title: "grandchild", parentId: child.id });
    expect(child.parentId).toBe(root.id);
    const cycle = await api.patch(`/api/v1/tasks/${root.id}`, { parentId: grandchild.id }, { token: owner.token });
    expectProblem(cycle, 422);
    expect(cycle.body.errors[0].path).toBe("parentId");
    const detach = await api.patch(`/api/v1/tasks/${child.id}`, { parentId: null }, { token: owner.token });
    expect(detach.body.parentId).toBeNull();
    expect((await api.patch(`/api/v1/tasks/${root.id}`, { parentId: grandchild.id }, { token: owner.token })).status).toBe(200);
  });
});

describe("If-Match", () => {
  it("applies a PATCH with the current version and refuses a stale one with 412, changing nothing", async () => {
    const { project, owner } = await createTestProject();
    const task = await createTestTask(project, owner);
    const ok = await api.patch(`/api/v1/tasks/${task.id}`, { title: "v2" }, { token: owner.token, headers: { "if-match": '"1"' } });
    expect(ok.status).toBe(200);
    const stale = await api.patch(`/api/v1/tasks/${task.id}`, { title: "lost" }, { token: owner.token, headers: { "if-match": '"1"' } });
    expectProblem(stale, 412);
    expect((await api.get(`/api/v1/tasks/${task.id}`, { token: owner.token })).body).toMatchObject({ title: "v2", version: 2 });
    expectProblem(await api.delete(`/api/v1/tasks/${task.id}`, { token: owner.token, headers: { "if-match": '"1"' } }), 412);
    expect((await api.get(`/api/v1/tasks/${task.id}`, { token: owner.token })).status).toBe(200);
  });

  it("lets exactly one of two concurrent PATCHes on one version win; the loser's change is not applied", async () => {
    const { project, owner } = await createTestProject();
    const task = await createTestTask(project, owner);
    const [a, b] = await Promise.all([
      api.patch(`/api/v1/tasks/${task.id}`, { title: "from A", priority: "high" }, { token: owner.token, headers: { "if-match": '"1"' } }),
      api.patch(`/api/v1/tasks/${task.id}`, { title: "from B", estimate: 8 }, { token: owner.token, headers: { "if-match": '"1"' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const winner = a.status === 200 ? a : b;
    const now = (await api.get(`/api/v1/tasks/${task.id}`, { token: owner.token })).body;
    expect(now).toEqual(winner.body);
    expect(now.version).toBe(2);
    expect(a.status === 200 ? now.estimate : now.priority).toBe(a.status === 200 ? null : "none");
    expect((await eventsOf(project.id)).filter((e) => e.type === "task.updated")).toHaveLength(1);
  });

  it("without If-Match, concurrent PATCHes all apply and each bumps the version once", async () => {
    const { project, owner } = await createTestProject();
    const task = await createTestTask(project, owner);
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => api.patch(`/api/v1/tasks/${task.id}`, { title: `t${i}` }, { token: owner.token })),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results.map((r) => r.body.version).sort()).toEqual([2, 3, 4, 5, 6]);
  });
});

describe("DELETE /api/v1/tasks/{idOrKey}", () => {
  it("deletes the task, orphans its subtasks and records task.deleted", async () => {
    const { project, owner } = await createTestProject();
    const parent = await createTestTask(project, owner);
    const child = await createTestTask(project, owner, { parentId: parent.id });
    expect((await api.delete(`/api/v1/tasks/${parent.key}`, { token: owner.token })).status).toBe(204);
    expectProblem(await api.get(`/api/v1/tasks/${parent.id}`, { token: owner.token }), 404);
    expectProblem(await api.delete(`/api/v1/tasks/${parent.id}`, { token: owner.token }), 404);
    expect((await api.get(`/api/v1/tasks/${child.id}`, { token: owner.token })).body.parentId).toBeNull();
    const events = await eventsOf(project.id);
    expect(events.at(-1)).toMatchObject({ type: "task.deleted", actorId: owner.id, data: { id: parent.id, key: parent.key } });
    // Numbers are never reused, even after a delete.
    expect((await createTestTask(project, owner)).number).toBe(3);
  });
});
