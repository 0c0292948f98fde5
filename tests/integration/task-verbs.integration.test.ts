import { beforeAll, describe, expect, it } from "vitest";
import { database } from "@/db/client";
import { createContext, type ServiceContext } from "@/server/context";
import { getProjectByKey } from "@/server/projects";
import { bulkUpdateTasks, getBoard, getTaskDetail, listAssignablePeople } from "@/server/tasks";
import { listProjectTasks } from "@/server/tasks/list";
import { getProjectAnalyticsByKey } from "@/server/analytics";
import { api } from "../helpers/app";
import type { TestUser } from "../helpers/factories";
import { createProjectCast, createTestProject, type ProjectCast } from "../helpers/projects";
import { createTestTask, eventsOf } from "../helpers/tasks";

// The verbs the UI calls directly (no REST route): called as the signed-in user, as server actions do.
const as = (u: TestUser): ServiceContext => createContext({ kind: "token", userId: u.id, tokenId: "test" });
const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: { code?: string; name?: string }) => (e.name === "ZodError" ? "ZodError" : (e.code ?? String(e))),
  );

let cast: ProjectCast;
beforeAll(async () => {
  await database();
  cast = await createProjectCast("private");
}, 120_000);

describe("getProjectByKey", () => {
  it("finds the project by workspace slug and key, any case, with the caller's permissions", async () => {
    const p = await getProjectByKey({ ctx: as(cast.viewer), slug: cast.ws.slug, key: cast.project.key.toLowerCase() });
    expect(p).toMatchObject({
      id: cast.project.id,
      role: "viewer",
      permissions: { canWrite: false, canAdmin: false, canShareViews: false },
    });
    const admin = await getProjectByKey({ ctx: as(cast.owner), slug: cast.ws.slug, key: cast.project.key });
    expect(admin.permissions).toEqual({ canWrite: true, canAdmin: true, canEditSettings: true, canShareViews: true });
  });

  it("refuses the wrong actor with NOT_FOUND, like an unknown key or workspace", async () => {
    for (const u of [cast.outsider, cast.guest, cast.stranger])
      expect(await code(getProjectByKey({ ctx: as(u), slug: cast.ws.slug, key: cast.project.key }))).toBe("NOT_FOUND");
    expect(await code(getProjectByKey({ ctx: as(cast.owner), slug: cast.ws.slug, key: "NOPE" }))).toBe("NOT_FOUND");
    expect(await code(getProjectByKey({ ctx: as(cast.owner), slug: "no-such-ws", key: cast.project.key }))).toBe("NOT_FOUND");
    expect(await code(getProjectAnalyticsByKey({ ctx: as(cast.stranger), slug: cast.ws.slug, key: cast.project.key }))).toBe("NOT_FOUND");
  });

  it("answers archived projects read-only", async () => {
    const { ws, project, owner } = await createTestProject();
    expect((await api.delete(`/api/v1/projects/${project.id}`, { token: owner.token })).status).toBeLessThan(300);
    const p = await getProjectByKey({ ctx: as(owner), slug: ws.slug, key: project.key });
    expect(p.archivedAt).not.toBeNull();
    expect(p.permissions).toMatchObject({ canWrite: false, canAdmin: true, canEditSettings: false });
  });
});

describe("listAssignablePeople", () => {
  it("offers exactly the people the server accepts as assignees, and no one else", async () => {
    const people = await listAssignablePeople({ ctx: as(cast.member), projectId: cast.project.id });
    const ids = people.map((p) => p.id);
    // A private project: its members and the workspace owner (who administers every project).
    expect(new Set(ids)).toEqual(new Set([cast.owner.id, cast.admin.id, cast.member.id, cast.viewer.id]));
    expect(people.map((p) => p.name)).toEqual([...people.map((p) => p.name)].sort((a, b) => a.localeCompare(b)));
    for (const u of [cast.outsider, cast.guest]) {
      const res = await api.post(
        `/api/v1/projects/${cast.project.id}/tasks`,
        { title: "x", assigneeIds: [u.id] },
        { token: cast.member.token },
      );
      expect(res.status).toBe(422);
    }
    const ok = await api.post(`/api/v1/projects/${cast.project.id}/tasks`, { title: "x", assigneeIds: ids }, { token: cast.member.token });
    expect(ok.status).toBe(201);
  });

  it("refuses the wrong actor with NOT_FOUND", async () => {
    for (const u of [cast.outsider, cast.guest, cast.stranger])
      expect(await code(listAssignablePeople({ ctx: as(u), projectId: cast.project.id }))).toBe("NOT_FOUND");
  });
});

describe("bulkUpdateTasks", () => {
  it("updates every task in one go: activity and one event per changed task", async () => {
    const { project, owner } = await createTestProject();
    const tasks = await Promise.all(
      [1, 2, 3].map((n) => createTestTask(project, owner, { title: `T${n}`, priority: n === 3 ? "high" : "none" })),
    );
    const before = (await eventsOf(project.id)).length;
    const updated = await bulkUpdateTasks({
      ctx: as(owner),
      input: { updates: tasks.map((t) => ({ ref: t.id, input: { priority: "high" } })) },
    });
    expect(updated.map((t) => [t.id, t.priority])).toEqual(tasks.map((t) => [t.id, "high"]));
    const events = (await eventsOf(project.id)).slice(before);
    // T3 already was high: nothing changed, no event.
    expect(events.map((e) => [e.type, e.data.task.id])).toEqual([
      ["task.updated", tasks[0]!.id],
      ["task.updated", tasks[1]!.id],
    ]);
    const activity = await api.get(`/api/v1/tasks/${tasks[0]!.id}/activity`, { token: owner.token });
    expect(activity.body.data.at(-1)).toMatchObject({ type: "updated", field: "priority", to: "high" });
  });

  it("is all or nothing: a stale version names the task and nothing changes", async () => {
    const { project, owner } = await createTestProject();
    const [a, b] = await Promise.all([createTestTask(project, owner, { title: "A" }), createTestTask(project, owner, { title: "B" })]);
    const before = (await eventsOf(project.id)).length;
    const error = await bulkUpdateTasks({
      ctx: as(owner),
      input: {
        updates: [
          { ref: a.id, input: { title: "A2" } },
          { ref: b.id, input: { title: "B2" }, ifMatch: b.version + 5 },
        ],
      },
    }).catch((e: Error & { code: string }) => e);
    expect(error).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining(b.key) });
    const again = await api.get(`/api/v1/tasks/${a.id}`, { token: owner.token });
    expect(again.body).toMatchObject({ title: "A", version: a.version });
    expect((await eventsOf(project.id)).length).toBe(before);
  });

  it("names the failing update in validation errors and caps the batch", async () => {
    const { project, owner } = await createTestProject();
    const a = await createTestTask(project, owner);
    const error = await bulkUpdateTasks({
      ctx: as(owner),
      input: { updates: [{ ref: a.id, input: { statusId: "00000000-0000-4000-8000-000000000000" } }] },
    }).catch((e: Error & { code: string; extra: { errors?: { path: string }[] } }) => e);
    expect(error).toMatchObject({ code: "VALIDATION", message: expect.stringContaining(a.key) });
    expect((error as { extra: { errors: { path: string }[] } }).extra.errors[0]!.path).toMatch(/^updates\.0\.input\./);
    expect(
      await code(
        bulkUpdateTasks({ ctx: as(owner), input: { updates: Array.from({ length: 501 }, () => ({ ref: a.id, input: { title: "x" } })) } }),
      ),
    ).toBe("ZodError");
  });

  it("refuses the wrong actor: a viewer gets FORBIDDEN, others NOT_FOUND without the key, and nothing changes", async () => {
    const t = await createTestTask(cast.project, cast.owner, { title: "guarded" });
    const mine = await createTestTask(cast.project, cast.member, { title: "mine" });
    expect(await code(bulkUpdateTasks({ ctx: as(cast.viewer), input: { updates: [{ ref: t.id, input: { title: "no" } }] } }))).toBe(
      "FORBIDDEN",
    );
    const error = await bulkUpdateTasks({ ctx: as(cast.outsider), input: { updates: [{ ref: t.id, input: { title: "no" } }] } }).catch(
      (e: Error & { code: string }) => e,
    );
    expect(error).toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining(t.id) });
    expect((error as Error).message).not.toContain(t.key);
    // One task the member may change, one it may not: the whole batch is refused.
    expect(await code(bulkUpdateTasks({ ctx: as(cast.viewer), input: { updates: [{ ref: mine.id, input: { title: "x" } }] } }))).toBe(
      "FORBIDDEN",
    );
    const mixed = await createTestProject();
    const elsewhere = await createTestTask(mixed.project, mixed.owner);
    expect(
      await code(
        bulkUpdateTasks({
          ctx: as(cast.member),
          input: {
            updates: [
              { ref: mine.id, input: { title: "changed" } },
              { ref: elsewhere.id, input: { title: "x" } },
            ],
          },
        }),
      ),
    ).toBe("NOT_FOUND");
    expect((await api.get(`/api/v1/tasks/${mine.id}`, { token: cast.owner.token })).body.title).toBe("mine");
    expect((await api.get(`/api/v1/tasks/${t.id}`, { token: cast.owner.token })).body.title).toBe("guarded");
  });
});

describe("getTaskDetail", () => {
  it("answers the task with comments, activity, dependencies, watchers, subtasks and permissions", async () => {
    const { project, owner } = await createTestProject();
    const task = await createTestTask(project, owner, { title: "Parent" });
    const [blocker, blocked, child] = await Promise.all([
      createTestTask(project, owner, { title: "Blocker" }),
      createTestTask(project, owner, { title: "Blocked" }),
      createTestTask(project, owner, { title: "Child" }),
    ]);
    await api.patch(`/api/v1/tasks/${child.id}`, { parentId: task.id }, { token: owner.token });
    expect((await api.post(`/api/v1/tasks/${task.id}/dependencies`, { blockedBy: blocker.id }, { token: owner.token })).status).toBe(201);
    expect((await api.post(`/api/v1/tasks/${blocked.id}/dependencies`, { blockedBy: task.id }, { token: owner.token })).status).toBe(201);
    expect((await api.post(`/api/v1/tasks/${task.id}/comments`, { body: "first" }, { token: owner.token })).status).toBe(201);
    await api.post(`/api/v1/tasks/${task.id}/watchers`, {}, { token: owner.token });

    const d = await getTaskDetail({ ctx: as(owner), ref: task.key });
    expect(d.task).toMatchObject({ id: task.id, key: task.key });
    expect(d.comments.map((c) => [c.body, c.author?.id])).toEqual([["first", owner.id]]);
    expect(d.dependencies.blockedBy.map((t) => t.id)).toEqual([blocker.id]);
    expect(d.dependencies.blocking.map((t) => t.id)).toEqual([blocked.id]);
    expect(d.subtasks.map((t) => t.id)).toEqual([child.id]);
    expect(d.watchers.map((w) => w.id)).toContain(owner.id);
    expect(d.permissions).toMatchObject({ canWrite: true, canAdmin: true });
    // The same answers as the list endpoints the drawer used to call one by one.
    const activity = await api.get(`/api/v1/tasks/${task.id}/activity?limit=100`, { token: owner.token });
    expect(d.activity).toEqual(activity.body.data);
    const comments = await api.get(`/api/v1/tasks/${task.id}/comments?limit=100`, { token: owner.token });
    expect(d.comments).toEqual(comments.body.data);
  });

  it("refuses the wrong actor: NOT_FOUND for who cannot see the project; viewers read without write", async () => {
    const t = await createTestTask(cast.project, cast.owner);
    for (const u of [cast.outsider, cast.guest, cast.stranger])
      expect(await code(getTaskDetail({ ctx: as(u), ref: t.key }))).toBe("NOT_FOUND");
    const d = await getTaskDetail({ ctx: as(cast.viewer), ref: { idOrKey: t.key, workspace: cast.ws.slug } });
    expect(d.permissions.canWrite).toBe(false);
  });
});

describe("getBoard", () => {
  it("answers each column's first cards in board order, its count and a cursor the task list continues", async () => {
    const { project, owner } = await createTestProject();
    const todo = project.defaultStatus;
    const done = project.statuses.find((s) => s.category === "completed")!;
    const created = [];
    for (let i = 0; i < 5; i++)
      created.push(await createTestTask(project, owner, { title: `todo ${i}`, priority: i % 2 ? "high" : "low" }));
    await createTestTask(project, owner, { title: "done", statusId: done.id });

    const board = await getBoard({ ctx: as(owner), projectId: project.id, perColumn: 2 });
    expect(board.statuses.map((s) => s.id)).toEqual(project.statuses.map((s) => s.id));
    const col = board.columns.find((c) => c.statusId === todo.id)!;
    expect(col.count).toBe(5);
    expect(col.tasks.map((t) => t.title)).toEqual(["todo 0", "todo 1"]);
    expect(board.columns.find((c) => c.statusId === done.id)).toMatchObject({ count: 1, nextCursor: null });

    // "Load more" in a column is the task list with the column's status, board order, and this cursor.
    const rest = await listProjectTasks({
      ctx: as(owner),
      projectId: project.id,
      query: { status: todo.id, sort: "position", limit: 100, cursor: col.nextCursor! },
    });
    expect(rest.data.map((t) => t.title)).toEqual(["todo 2", "todo 3", "todo 4"]);

    const filtered = await getBoard({ ctx: as(owner), projectId: project.id, filters: { priority: "high" } });
    expect(filtered.columns.find((c) => c.statusId === todo.id)!.tasks.map((t) => t.title)).toEqual(["todo 1", "todo 3"]);
    expect(filtered.columns.find((c) => c.statusId === done.id)).toMatchObject({ count: 0, tasks: [] });
  });

  it("refuses the wrong actor with NOT_FOUND", async () => {
    for (const u of [cast.outsider, cast.guest, cast.stranger])
      expect(await code(getBoard({ ctx: as(u), projectId: cast.project.id }))).toBe("NOT_FOUND");
    expect((await getBoard({ ctx: as(cast.viewer), projectId: cast.project.id })).columns.length).toBe(cast.project.statuses.length);
  });
});
