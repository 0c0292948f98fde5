import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { database } from "@/db/client";
import { activity, events, statuses, tasks } from "@/db/schema";
import { api } from "../helpers/app";
import { expectProblem } from "../helpers/factories";
import { createProjectCast, createTestProject, type TestProject } from "../helpers/projects";

// Opening (and migrating) the embedded database can take a while on a busy machine: not inside a test's timeout.
beforeAll(async () => {
  await database();
});

const statusesUrl = (projectId: string) => `/api/v1/projects/${projectId}/statuses`;
const byName = (p: TestProject, name: string) => p.statuses.find((s) => s.name === name)!;

/** Task rows straight into the table: the tasks API is not under test here. */
async function insertTasks(projectId: string, statusId: string, numbers: number[]): Promise<string[]> {
  const db = await database();
  const rows = await db
    .insert(tasks)
    .values(numbers.map((number) => ({ projectId, statusId, number, title: `Task ${number}`, position: `a${number}` })))
    .returning({ id: tasks.id });
  return rows.map((r) => r.id);
}

async function names(projectId: string, token: string): Promise<string[]> {
  const res = await api.get(statusesUrl(projectId), { token });
  expect(res.status).toBe(200);
  return res.body.data.map((s: any) => s.name);
}

describe("POST /api/v1/projects/{projectId}/statuses", () => {
  it("adds a status at the end; names are unique case-insensitively (409)", async () => {
    const { ws, project } = await createTestProject();
    const res = await api.post(statusesUrl(project.id), { name: "QA", category: "started", color: "#AABBCC" }, { token: ws.owner.token });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      projectId: project.id,
      name: "QA",
      category: "started",
      color: "#aabbcc",
      position: expect.any(String),
      isDefault: false,
      wipLimit: null,
      createdAt: expect.any(String),
    });
    expect((await names(project.id, ws.owner.token)).at(-1)).toBe("QA");
    expectProblem(await api.post(statusesUrl(project.id), { name: "qa", category: "backlog" }, { token: ws.owner.token }), 409);
    expectProblem(await api.post(statusesUrl(project.id), { name: "DONE", category: "completed" }, { token: ws.owner.token }), 409);
  });

  it("refuses bad input (422), creating nothing", async () => {
    const { ws, project } = await createTestProject();
    const cases: [unknown, string][] = [
      [{ name: "X", category: "blocked" }, "category"],
      [{ name: "X" }, "category"],
      [{ name: "", category: "started" }, "name"],
      [{ name: "X", category: "started", color: "#fff" }, "color"],
      [{ name: "X", category: "started", color: "red" }, "color"],
      [{ name: "X", category: "started", position: "a0" }, ""],
      [{ name: ["X"], category: "started" }, "name"],
    ];
    for (const [body, path] of cases) {
      const res = await api.post(statusesUrl(project.id), body, { token: ws.owner.token });
      expectProblem(res, 422);
      expect(
        res.body.errors.map((e: any) => e.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    expect(await names(project.id, ws.owner.token)).toHaveLength(6);
  });

  it("is for project admins: 401, stranger 404, guest 404, viewer and member 403, private invisible to outsiders", async () => {
    const c = await createProjectCast("private");
    const url = statusesUrl(c.project.id);
    const body = { name: "QA", category: "started" };
    expectProblem(await api.post(url, body), 401);
    expectProblem(await api.post(url, body, { token: c.stranger.token }), 404);
    expectProblem(await api.post(url, body, { token: c.guest.token }), 404);
    expectProblem(await api.post(url, body, { token: c.outsider.token }), 404);
    expectProblem(await api.get(url, { token: c.outsider.token }), 404);
    expectProblem(await api.post(url, body, { token: c.viewer.token }), 403);
    expectProblem(await api.post(url, body, { token: c.member.token }), 403);
    expect((await api.post(url, body, { token: c.admin.token })).status).toBe(201);
    expectProblem(await api.get(url), 401);
  });
});

describe("PATCH /api/v1/projects/{projectId}/statuses/{statusId}", () => {
  it("renames, recolours, moves after/before another status, and makes a status the default", async () => {
    const { ws, project } = await createTestProject();
    const token = ws.owner.token;
    const url = (name: string) => `${statusesUrl(project.id)}/${byName(project, name).id}`;
    const renamed = await api.patch(url("In Review"), { name: "Review", color: "#112233" }, { token });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body).toMatchObject({ name: "Review", color: "#112233", category: "started" });
    expect((await api.patch(url("Canceled"), { after: null }, { token })).status).toBe(200);
    expect(await names(project.id, token)).toEqual(["Canceled", "Backlog", "Todo", "In Progress", "Review", "Done"]);
    expect((await api.patch(url("Canceled"), { after: byName(project, "Todo").id }, { token })).status).toBe(200);
    expect(await names(project.id, token)).toEqual(["Backlog", "Todo", "Canceled", "In Progress", "Review", "Done"]);
    expect((await api.patch(url("Backlog"), { before: null }, { token })).status).toBe(200);
    expect(await names(project.id, token)).toEqual(["Todo", "Canceled", "In Progress", "Review", "Done", "Backlog"]);
    expect((await api.patch(url("Done"), { before: byName(project, "Todo").id }, { token })).status).toBe(200);
    expect(await names(project.id, token)).toEqual(["Done", "Todo", "Canceled", "In Progress", "Review", "Backlog"]);
    const def = await api.patch(url("Backlog"), { isDefault: true }, { token });
    expect(def.body.isDefault).toBe(true);
    const list = await api.get(statusesUrl(project.id), { token });
    expect(list.body.data.filter((s: any) => s.isDefault).map((s: any) => s.name)).toEqual(["Backlog"]);
    expect((await api.patch(url("Todo"), {}, { token })).body.name).toBe("Todo");
  });

  it("refuses bad input (422), duplicate names (409) and unknown statuses (404), changing nothing", async () => {
    const { ws, project } = await createTestProject();
    const other = await createTestProject(ws);
    const token = ws.owner.token;
    const todo = byName(project, "Todo");
    const url = `${statusesUrl(project.id)}/${todo.id}`;
    const cases: [unknown, string][] = [
      [{ after: todo.id }, "after"],
      [{ before: byName(other.project, "Done").id }, "before"],
      [{ after: "first" }, "after"],
      [{ after: null, before: null }, "before"],
      [{ category: "started" }, ""],
      [{ isDefault: false }, "isDefault"],
      [{ color: "#12345g" }, "color"],
      [{ name: "" }, "name"],
      [{ position: "a0" }, ""],
    ];
    for (const [body, path] of cases) {
      const res = await api.patch(url, body, { token });
      expectProblem(res, 422);
      expect(
        res.body.errors.map((e: any) => e.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    expectProblem(await api.patch(url, { name: "done" }, { token }), 409);
    expectProblem(await api.patch(`${statusesUrl(project.id)}/${byName(other.project, "Todo").id}`, { name: "Mine" }, { token }), 404);
    const after = (await api.get(statusesUrl(project.id), { token })).body.data;
    expect(after.map((s: any) => [s.name, s.position, s.isDefault])).toEqual(
      project.statuses.map((s) => [s.name, s.position, s.isDefault]),
    );
  });

  it("is for project admins: 401, stranger 404, guest 404, viewer and member 403", async () => {
    const c = await createProjectCast();
    const url = `${statusesUrl(c.project.id)}/${byName(c.project, "Todo").id}`;
    expectProblem(await api.patch(url, { name: "x" }), 401);
    expectProblem(await api.patch(url, { name: "x" }, { token: c.stranger.token }), 404);
    expectProblem(await api.patch(url, { name: "x" }, { token: c.guest.token }), 404);
    expectProblem(await api.patch(url, { name: "x" }, { token: c.viewer.token }), 403);
    expectProblem(await api.patch(url, { name: "x" }, { token: c.member.token }), 403);
    expectProblem(await api.patch(url, { name: "x" }, { token: c.outsider.token }), 403);
    expect((await api.patch(url, { name: "x" }, { token: c.admin.token })).status).toBe(200);
  });
});

describe("DELETE /api/v1/projects/{projectId}/statuses/{statusId}", () => {
  it("deletes an empty status; one holding tasks needs moveTo (422), then moves them with version, activity and events", async () => {
    const { ws, project } = await createTestProject();
    const token = ws.owner.token;
    expect((await api.delete(`${statusesUrl(project.id)}/${byName(project, "In Review").id}`, { token })).status).toBe(204);
    const progress = byName(project, "In Progress");
    const done = byName(project, "Done");
    const ids = await insertTasks(project.id, progress.id, [1, 2]);
    const refused = await api.delete(`${statusesUrl(project.id)}/${progress.id}`, { token });
    expectProblem(refused, 422);
    expect(refused.body.errors).toEqual([{ path: "moveTo", message: expect.stringContaining("moveTo") }]);
    expectProblem(await api.delete(`${statusesUrl(project.id)}/${progress.id}?moveTo=${progress.id}`, { token }), 422);
    expectProblem(await api.delete(`${statusesUrl(project.id)}/${progress.id}?moveTo=nope`, { token }), 422);
    expectProblem(await api.delete(`${statusesUrl(project.id)}/${progress.id}?moveTo=${crypto.randomUUID()}`, { token }), 422);
    expect(await names(project.id, token)).toContain("In Progress");

    const res = await api.delete(`${statusesUrl(project.id)}/${progress.id}?moveTo=${done.id}`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(204);
    const db = await database();
    const moved = await db.select().from(tasks).where(inArray(tasks.id, ids));
    for (const t of moved) {
      expect(t).toMatchObject({ statusId: done.id, version: 2 });
      expect(t.completedAt).toBeInstanceOf(Date);
    }
    const audit = await db.select().from(activity).where(inArray(activity.taskId, ids));
    expect(audit.map((a) => [a.type, a.field, a.fromValue, a.toValue, a.actorId])).toEqual(
      ids.map(() => ["updated", "status", progress.id, done.id, ws.owner.id]),
    );
    const outbox = await db
      .select()
      .from(events)
      .where(and(eq(events.projectId, project.id), eq(events.type, "task.updated")));
    expect(outbox.map((e) => e.data)).toEqual(
      ids.map(() =>
        expect.objectContaining({
          task: expect.objectContaining({ status: expect.objectContaining({ id: done.id }) }),
          changes: [{ field: "status", from: progress.id, to: done.id }],
        }),
      ),
    );
    expect(await names(project.id, token)).toEqual(["Backlog", "Todo", "Done", "Canceled"]);
  });

  it("hands the default on when the default status is deleted, and keeps the last status (409)", async () => {
    const { ws, project } = await createTestProject();
    const token = ws.owner.token;
    const del = (name: string, query = "") => api.delete(`${statusesUrl(project.id)}/${byName(project, name).id}${query}`, { token });
    expect((await del("Todo")).status).toBe(204);
    let list = (await api.get(statusesUrl(project.id), { token })).body.data;
    expect(list.filter((s: any) => s.isDefault).map((s: any) => s.name)).toEqual(["Backlog"]);
    expect((await del("Backlog", `?moveTo=${byName(project, "Done").id}`)).status).toBe(204);
    list = (await api.get(statusesUrl(project.id), { token })).body.data;
    expect(list.filter((s: any) => s.isDefault).map((s: any) => s.name)).toEqual(["Done"]);
    for (const name of ["In Progress", "In Review", "Canceled"]) expect((await del(name)).status).toBe(204);
    expectProblem(await del("Done"), 409);
    expect(await names(project.id, token)).toEqual(["Done"]);
  });

  it("clears completedAt when tasks leave a completed status", async () => {
    const { ws, project } = await createTestProject();
    const done = byName(project, "Done");
    const db = await database();
    const [id] = await insertTasks(project.id, done.id, [1]);
    await db.update(tasks).set({ completedAt: new Date() }).where(eq(tasks.id, id!));
    const res = await api.delete(`${statusesUrl(project.id)}/${done.id}?moveTo=${byName(project, "Todo").id}`, { token: ws.owner.token });
    expect(res.status).toBe(204);
    const [t] = await db.select().from(tasks).where(eq(tasks.id, id!));
    expect(t).toMatchObject({ completedAt: null, version: 2 });
    expect(await db.select().from(statuses).where(eq(statuses.id, done.id))).toHaveLength(0);
  });

  it("is for project admins: 401, stranger 404, guest 404, viewer and member 403, unknown status 404", async () => {
    const c = await createProjectCast();
    const url = `${statusesUrl(c.project.id)}/${byName(c.project, "Backlog").id}`;
    expectProblem(await api.delete(url), 401);
    expectProblem(await api.delete(url, { token: c.stranger.token }), 404);
    expectProblem(await api.delete(url, { token: c.guest.token }), 404);
    expectProblem(await api.delete(url, { token: c.viewer.token }), 403);
    expectProblem(await api.delete(url, { token: c.member.token }), 403);
    expectProblem(await api.delete(`${statusesUrl(c.project.id)}/${crypto.randomUUID()}`, { token: c.admin.token }), 404);
    expect(await names(c.project.id, c.owner.token)).toHaveLength(6);
    expect((await api.delete(url, { token: c.admin.token })).status).toBe(204);
  });
});
