import { beforeAll, describe, expect, it } from "vitest";
import { database } from "@/db/client";
import { createContext } from "@/server/context";
import { getBoard } from "@/server/tasks";
import { listProjectTasks } from "@/server/tasks/list";
import { api } from "../helpers/app";
import { createUser, expectProblem } from "../helpers/factories";
import { createProjectCast, createTestProject, type ProjectCast } from "../helpers/projects";
import { createTestTask } from "../helpers/tasks";

// GET /api/v1/projects/{projectId}/board: the board page's one query, over HTTP.
let cast: ProjectCast;
beforeAll(async () => {
  await database();
  cast = await createProjectCast("private");
}, 120_000);

describe("GET /projects/{projectId}/board", () => {
  it("answers every column's first cards exactly as the task list shapes them, with counts and cursors", async () => {
    const { project, owner, ws } = await createTestProject();
    const teammate = await createUser();
    await api.post(`/api/v1/workspaces/${ws.slug}/members`, { email: teammate.email, role: "member" }, { token: owner.token });
    const label = await api.post(`/api/v1/projects/${project.id}/labels`, { name: "bug", color: "#ff0000" }, { token: owner.token });
    expect(label.status).toBe(201);
    const todo = project.defaultStatus;
    const started = project.statuses.find((s) => s.category === "started")!;
    for (let i = 0; i < 4; i++)
      await createTestTask(project, owner, {
        title: `todo ${i}`,
        priority: i % 2 ? "urgent" : "none",
        assigneeIds: i === 1 ? [owner.id, teammate.id] : [],
        labelIds: i === 2 ? [label.body.id] : [],
        dueDate: i === 3 ? "2027-01-31" : undefined,
        estimate: i === 3 ? 2.5 : undefined,
      });
    await createTestTask(project, owner, { title: "busy", statusId: started.id, description: '**markdown** ü "quotes"' });

    const res = await api.get(`/api/v1/projects/${project.id}/board?limit=3`, { token: owner.token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get("ratelimit-limit")).toMatch(/^\d+$/);
    expect(res.body.statuses.map((s: { id: string }) => s.id)).toEqual(project.statuses.map((s) => s.id));
    expect(res.body.columns.map((c: { statusId: string }) => c.statusId)).toEqual(project.statuses.map((s) => s.id));
    const col = res.body.columns.find((c: { statusId: string }) => c.statusId === todo.id);
    expect(col.count).toBe(4);
    expect(col.nextCursor).toEqual(expect.any(String));

    // Every card is field for field what the task list answers for the same task.
    const list = await api.get(`/api/v1/projects/${project.id}/tasks?status=${todo.id}&sort=position&limit=3`, { token: owner.token });
    expect(col.tasks).toEqual(list.body.data);
    expect(col.nextCursor).toBe(list.body.nextCursor);
    const rest = await api.get(`/api/v1/projects/${project.id}/tasks?status=${todo.id}&sort=position&limit=100&cursor=${col.nextCursor}`, {
      token: owner.token,
    });
    expect(rest.body.data.map((t: { title: string }) => t.title)).toEqual(["todo 3"]);
    const last = await api.get(`/api/v1/tasks/${rest.body.data[0].id}`, { token: owner.token });
    const full = await api.get(`/api/v1/projects/${project.id}/board`, { token: owner.token });
    expect(full.body.columns.find((c: { statusId: string }) => c.statusId === todo.id).tasks[3]).toEqual(last.body);
    const busy = full.body.columns.find((c: { statusId: string }) => c.statusId === started.id);
    expect(busy).toMatchObject({ count: 1, nextCursor: null });
    expect(busy.tasks[0].description).toBe('**markdown** ü "quotes"');

    // The task list's filters apply to counts and cards.
    const urgent = await api.get(`/api/v1/projects/${project.id}/board?priority=urgent&assignee=${teammate.id}`, { token: owner.token });
    expect(urgent.body.columns.find((c: { statusId: string }) => c.statusId === todo.id)).toMatchObject({ count: 1, nextCursor: null });
    const searched = await api.get(`/api/v1/projects/${project.id}/board?q=busy`, { token: owner.token });
    expect(searched.body.columns.map((c: { count: number }) => c.count).reduce((a: number, b: number) => a + b)).toBe(1);
  });

  it("answers the service's board (the page's loader) unchanged", async () => {
    const ctx = createContext({ kind: "token", userId: cast.owner.id, tokenId: "test" });
    await createTestTask(cast.project, cast.owner, { title: "one" });
    const board = await getBoard({ ctx, projectId: cast.project.id, perColumn: 50 });
    const res = await api.get(`/api/v1/projects/${cast.project.id}/board`, { token: cast.owner.token });
    expect(res.body).toEqual(JSON.parse(JSON.stringify(board)));
    const page = await listProjectTasks({
      ctx,
      projectId: cast.project.id,
      query: { status: cast.project.defaultStatus.id, sort: "position" },
    });
    expect(board.columns.find((c) => c.statusId === cast.project.defaultStatus.id)!.tasks).toEqual(page.data);
  });

  it("refuses the wrong user with 404 and no credentials with 401; viewers read it", async () => {
    for (const u of [cast.outsider, cast.guest, cast.stranger])
      expectProblem(await api.get(`/api/v1/projects/${cast.project.id}/board`, { token: u.token }), 404);
    expectProblem(await api.get(`/api/v1/projects/${cast.project.id}/board`), 401);
    expectProblem(await api.get(`/api/v1/projects/00000000-0000-4000-8000-000000000000/board`, { token: cast.owner.token }), 404);
    const viewer = await api.get(`/api/v1/projects/${cast.project.id}/board`, { token: cast.viewer.token });
    expect(viewer.status).toBe(200);
  });

  it("answers bad input with 422 problem+json", async () => {
    for (const q of ["limit=0", "limit=101", "limit=abc", "priority=extreme", "status=nope", "dueBefore=tomorrow"]) {
      const res = await api.get(`/api/v1/projects/${cast.project.id}/board?${q}`, { token: cast.owner.token });
      expectProblem(res, 422);
      expect(res.body.errors.length, q).toBeGreaterThan(0);
    }
    expectProblem(await api.get(`/api/v1/projects/not-a-uuid/board`, { token: cast.owner.token }), 404);
  });
});
