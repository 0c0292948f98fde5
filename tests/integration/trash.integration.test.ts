import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { database } from "@/db/client";
import { comments, tasks } from "@/db/schema";
import { purgeTrash } from "@/server/tasks";
import { api, request } from "../helpers/app";
import { expectProblem } from "../helpers/factories";
import { createTestTask, createTestTeam, eventsOf, type TestTask } from "../helpers/tasks";

beforeAll(async () => {
  await database(); // migrations, outside the first test's time
});

const DAY = 86_400_000;

async function backdate(taskId: string, days: number): Promise<void> {
  const db = await database();
  await db
    .update(tasks)
    .set({ deletedAt: new Date(Date.now() - days * DAY) })
    .where(eq(tasks.id, taskId));
}

describe("DELETE /api/v1/tasks/{id} is a soft delete", () => {
  it("answers 204, then the task is 404 on every route that names it, and its comments with it", async () => {
    const { project, member } = await createTestTeam();
    const task = await createTestTask(project, member, { title: "Soon gone" });
    const comment = (await api.post(`/api/v1/tasks/${task.id}/comments`, { body: "a note" }, { token: member.token })).body;
    expect((await api.delete(`/api/v1/tasks/${task.id}`, { token: member.token })).status).toBe(204);
    expectProblem(await api.get(`/api/v1/tasks/${task.id}`, { token: member.token }), 404);
    expectProblem(await api.get(`/api/v1/tasks/${task.key}`, { token: member.token }), 404);
    expectProblem(await api.patch(`/api/v1/tasks/${task.id}`, { title: "x" }, { token: member.token }), 404);
    expectProblem(await api.delete(`/api/v1/tasks/${task.id}`, { token: member.token }), 404);
    expectProblem(await api.get(`/api/v1/tasks/${task.id}/comments`, { token: member.token }), 404);
    expectProblem(await api.get(`/api/v1/tasks/${task.id}/activity`, { token: member.token }), 404);
    expectProblem(await api.patch(`/api/v1/comments/${comment.id}`, { body: "edit" }, { token: member.token }), 404);
    // Nothing was removed for good: the rows wait in the trash.
    const db = await database();
    const [row] = await db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(row!.deletedAt).toBeInstanceOf(Date);
    expect(row!.deletedBy).toBe(member.id);
    expect(await db.select().from(comments).where(eq(comments.taskId, task.id))).toHaveLength(1);
    const deleted = (await eventsOf(project.id)).filter((e) => e.type === "task.deleted");
    expect(deleted.map((e) => e.data)).toEqual([{ id: task.id, key: task.key }]);
  });

  it("a stale If-Match is 412 and deletes nothing", async () => {
    const { project, member } = await createTestTeam();
    const task = await createTestTask(project, member);
    expect((await api.patch(`/api/v1/tasks/${task.id}`, { title: "v2" }, { token: member.token })).status).toBe(200);
    expectProblem(await api.delete(`/api/v1/tasks/${task.id}`, { token: member.token, headers: { "if-match": '"1"' } }), 412);
    expect((await api.get(`/api/v1/tasks/${task.id}`, { token: member.token })).status).toBe(200);
  });

  it("leaves every read: lists, workspace lists, search, board, analytics, CSV, dependencies, subtasks", async () => {
    const { ws, project, owner, member } = await createTestTeam();
    const parent = await createTestTask(project, member, { title: "Parent keeper" });
    const keeper = await createTestTask(project, member, { title: "Keeper zebra", assigneeIds: [member.id] });
    const gone = await createTestTask(project, member, {
      title: "Doomed zebra",
      assigneeIds: [member.id],
      parentId: parent.id,
      dueDate: "2030-01-01",
    });
    const child = await createTestTask(project, member, { title: "Child of doomed", parentId: gone.id });
    expect((await api.post(`/api/v1/tasks/${keeper.id}/dependencies`, { blockedBy: gone.id }, { token: member.token })).status).toBe(201);
    const before = (await api.get(`/api/v1/projects/${project.id}/analytics`, { token: owner.token })).body;
    expect((await api.delete(`/api/v1/tasks/${gone.id}`, { token: member.token })).status).toBe(204);
    const t = { token: member.token };

    const ids = (page: { data: TestTask[] }) => page.data.map((x) => x.id);
    expect(ids((await api.get(`/api/v1/projects/${project.id}/tasks?limit=100`, t)).body)).not.toContain(gone.id);
    expect(ids((await api.get(`/api/v1/projects/${project.id}/tasks?sort=due`, t)).body)).not.toContain(gone.id);
    const mine = ids((await api.get(`/api/v1/workspaces/${ws.slug}/tasks?assignee=me`, t)).body);
    expect(mine).toContain(keeper.id);
    expect(mine).not.toContain(gone.id);
    expect(ids((await api.get(`/api/v1/projects/${project.id}/tasks?q=zebra`, t)).body)).toEqual([keeper.id]);
    expect(ids((await api.get(`/api/v1/projects/${project.id}/tasks?q=${gone.key}`, t)).body)).not.toContain(gone.id);
    expect(ids((await api.get(`/api/v1/workspaces/${ws.slug}/tasks?q=zebra`, t)).body)).toEqual([keeper.id]);
    expect(ids((await api.get(`/api/v1/projects/${project.id}/tasks?parentId=${parent.id}`, t)).body)).toEqual([]);

    const board = (await api.get(`/api/v1/projects/${project.id}/board`, t)).body;
    const column = board.columns.find((c: { statusId: string }) => c.statusId === project.defaultStatus.id);
    expect(column.tasks.map((x: TestTask) => x.id)).not.toContain(gone.id);
    expect(column.count).toBe(3);
    // A subtask of a deleted task reads as having no parent (it comes back with the parent).
    expect(column.tasks.find((x: TestTask) => x.id === child.id).parentId).toBeNull();
    expect((await api.get(`/api/v1/tasks/${child.id}`, t)).body.parentId).toBeNull();

    const deps = (await api.get(`/api/v1/tasks/${keeper.id}/dependencies`, t)).body;
    expect(deps.blockedBy).toEqual([]);

    const after = (await api.get(`/api/v1/projects/${project.id}/analytics`, { token: owner.token })).body;
    const open = (a: { counts: { byCategory: { unstarted: number } } }) => a.counts.byCategory.unstarted;
    expect(open(after)).toBe(open(before) - 1);
    expect(after.blocked).toBe(before.blocked - 1);
    expect(after.counts.byStatus.find((s: { statusId: string }) => s.statusId === project.defaultStatus.id).count).toBe(3);

    const csv = await (await request("GET", `/api/v1/projects/${project.id}/tasks/export.csv`, t)).text();
    expect(csv).toContain("Keeper zebra");
    expect(csv).not.toContain("Doomed zebra");

    // A deleted task can be neither a neighbour, a parent nor a blocker.
    expectProblem(await api.patch(`/api/v1/tasks/${keeper.id}`, { parentId: gone.id }, t), 422);
    expectProblem(await api.patch(`/api/v1/tasks/${keeper.id}`, { position: { after: gone.id } }, t), 422);
    expectProblem(await api.post(`/api/v1/tasks/${child.id}/dependencies`, { blockedBy: gone.id }, t), 422);
  });
});

describe("POST /api/v1/tasks/{id}/restore", () => {
  it("brings the task back exactly (status, position, fields, links) for the member who deleted it, with task.restored", async () => {
    const { project, member } = await createTestTeam();
    const started = project.statuses.find((s) => s.category === "started")!;
    const label = (await api.post(`/api/v1/projects/${project.id}/labels`, { name: "bug" }, { token: member.token })).body;
    const blocker = await createTestTask(project, member);
    const task = await createTestTask(project, member, {
      title: "Round trip",
      statusId: started.id,
      priority: "high",
      assigneeIds: [member.id],
      labelIds: [label.id],
      dueDate: "2031-02-03",
      estimate: 5,
    });
    expect((await api.post(`/api/v1/tasks/${task.id}/dependencies`, { blockedBy: blocker.id }, { token: member.token })).status).toBe(201);
    const shown = (await api.get(`/api/v1/tasks/${task.id}`, { token: member.token })).body;
    expect((await api.delete(`/api/v1/tasks/${task.id}`, { token: member.token })).status).toBe(204);

    const res = await api.post(`/api/v1/tasks/${task.key}/restore`, undefined, { token: member.token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get("etag")).toBe(`"${shown.version}"`);
    expect(res.body).toEqual(shown);
    expect((await api.get(`/api/v1/tasks/${task.id}`, { token: member.token })).body).toEqual(shown);
    expect(
      (await api.get(`/api/v1/tasks/${task.id}/dependencies`, { token: member.token })).body.blockedBy.map((t: TestTask) => t.id),
    ).toEqual([blocker.id]);
    const restored = (await eventsOf(project.id)).filter((e) => e.type === "task.restored");
    expect(restored).toHaveLength(1);
    expect(restored[0]!.actorId).toBe(member.id);
    expect(restored[0]!.data).toEqual(shown);
  });

  it("404 for an unknown task, 409 for one that is not deleted, 412 for a stale If-Match", async () => {
    const { project, member } = await createTestTeam();
    const task = await createTestTask(project, member);
    expectProblem(await api.post(`/api/v1/tasks/${crypto.randomUUID()}/restore`, undefined, { token: member.token }), 404);
    expectProblem(await api.post(`/api/v1/tasks/${project.key}-999/restore`, undefined, { token: member.token }), 404);
    expectProblem(await api.post(`/api/v1/tasks/${task.id}/restore`, undefined, { token: member.token }), 409);
    expect((await api.delete(`/api/v1/tasks/${task.id}`, { token: member.token })).status).toBe(204);
    expectProblem(
      await api.post(`/api/v1/tasks/${task.id}/restore`, undefined, { token: member.token, headers: { "if-match": '"7"' } }),
      412,
    );
    expect(
      (await api.post(`/api/v1/tasks/${task.id}/restore`, undefined, { token: member.token, headers: { "if-match": '"1"' } })).status,
    ).toBe(200);
    expectProblem(await api.post(`/api/v1/tasks/${task.id}/restore`, undefined, { token: member.token }), 409);
  });

  it("refuses another member (403), a viewer (403) and a stranger (404); a project admin may restore anyone's", async () => {
    const { ws, project, admin, member, viewer, stranger } = await createTestTeam();
    const other = (await import("../helpers/factories")).createUser;
    const colleague = await other();
    await (await import("../helpers/factories")).addToWorkspace(ws, colleague, "member");
    const task = await createTestTask(project, member);
    expect((await api.delete(`/api/v1/tasks/${task.id}`, { token: member.token })).status).toBe(204);
    expectProblem(await api.post(`/api/v1/tasks/${task.id}/restore`, undefined, { token: colleague.token }), 403);
    expectProblem(await api.post(`/api/v1/tasks/${task.id}/restore`, undefined, { token: viewer.token }), 403);
    expectProblem(await api.post(`/api/v1/tasks/${task.id}/restore`, undefined, { token: stranger.token }), 404);
    expect((await api.get(`/api/v1/tasks/${task.id}`, { token: member.token })).status).toBe(404);
    expect((await api.post(`/api/v1/tasks/${task.id}/restore`, undefined, { token: admin.token })).status).toBe(200);
  });
});

describe("GET /api/v1/projects/{projectId}/trash", () => {
  it("lists deleted tasks newest first with who and when, paginated; project admins only", async () => {
    const { project, owner, admin, member, viewer, stranger } = await createTestTeam();
    const a = await createTestTask(project, member, { title: "first deleted" });
    const b = await createTestTask(project, member, { title: "second deleted" });
    await createTestTask(project, member, { title: "still here" });
    expect((await api.delete(`/api/v1/tasks/${a.id}`, { token: member.token })).status).toBe(204);
    expect((await api.delete(`/api/v1/tasks/${b.id}`, { token: admin.token })).status).toBe(204);

    const first = await api.get(`/api/v1/projects/${project.id}/trash?limit=1`, { token: admin.token });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.data.map((t: TestTask) => t.id)).toEqual([b.id]);
    expect(first.body.data[0]).toMatchObject({ key: b.key, title: "second deleted", deletedBy: { id: admin.id, name: admin.name } });
    const deletedAt = Date.parse(first.body.data[0].deletedAt);
    expect(Date.parse(first.body.data[0].purgeAfter) - deletedAt).toBe(30 * DAY);
    const second = await api.get(`/api/v1/projects/${project.id}/trash?limit=1&cursor=${first.body.nextCursor}`, { token: owner.token });
    expect(second.body.data.map((t: TestTask) => t.id)).toEqual([a.id]);
    expect(second.body.data[0].deletedBy).toEqual({ id: member.id, name: member.name });
    expect(second.body.nextCursor).toBeNull();

    expectProblem(await api.get(`/api/v1/projects/${project.id}/trash`, { token: member.token }), 403);
    expectProblem(await api.get(`/api/v1/projects/${project.id}/trash`, { token: viewer.token }), 403);
    expectProblem(await api.get(`/api/v1/projects/${project.id}/trash`, { token: stranger.token }), 404);
    expectProblem(await api.get(`/api/v1/projects/${project.id}/trash?cursor=nonsense`, { token: admin.token }), 400);
  });
});

describe("purging the trash", () => {
  it("removes tasks deleted more than 30 days ago for good, keeps younger ones restorable", async () => {
    const { project, admin, member } = await createTestTeam();
    const old = await createTestTask(project, member, { title: "old" });
    const young = await createTestTask(project, member, { title: "young" });
    const child = await createTestTask(project, member, { title: "child", parentId: old.id });
    for (const t of [old, young]) expect((await api.delete(`/api/v1/tasks/${t.id}`, { token: member.token })).status).toBe(204);
    await backdate(old.id, 31);
    await backdate(young.id, 29);

    expect(await purgeTrash()).toBeGreaterThanOrEqual(1);
    const db = await database();
    expect(await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.id, old.id))).toEqual([]);
    expect((await db.select({ parentId: tasks.parentId }).from(tasks).where(eq(tasks.id, child.id)))[0]!.parentId).toBeNull();
    expectProblem(await api.post(`/api/v1/tasks/${old.id}/restore`, undefined, { token: admin.token }), 404);
    const trash = (await api.get(`/api/v1/projects/${project.id}/trash`, { token: admin.token })).body;
    expect(trash.data.map((t: TestTask) => t.id)).toEqual([young.id]);
    expect((await api.post(`/api/v1/tasks/${young.id}/restore`, undefined, { token: admin.token })).status).toBe(200);
  });
});
