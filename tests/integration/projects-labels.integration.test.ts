import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { database } from "@/db/client";
import { activity, events, labels, taskLabels, tasks } from "@/db/schema";
import { api } from "../helpers/app";
import { expectProblem } from "../helpers/factories";
import { createProjectCast, createTestProject } from "../helpers/projects";

// Opening (and migrating) the embedded database can take a while on a busy machine: not inside a test's timeout.
beforeAll(async () => {
  await database();
});

const labelsUrl = (projectId: string) => `/api/v1/projects/${projectId}/labels`;

describe("labels: GET and POST /api/v1/projects/{projectId}/labels", () => {
  it("creates labels (default colour), lists them by name, paged; names are unique case-insensitively", async () => {
    const { ws, project } = await createTestProject();
    const token = ws.owner.token;
    const bug = await api.post(labelsUrl(project.id), { name: "bug", color: "#FF0000" }, { token });
    expect(bug.status, JSON.stringify(bug.body)).toBe(201);
    expect(bug.body).toEqual({
      id: expect.any(String),
      projectId: project.id,
      name: "bug",
      color: "#ff0000",
      createdAt: expect.any(String),
    });
    const chore = await api.post(labelsUrl(project.id), { name: "Chore" }, { token });
    expect(chore.body.color).toMatch(/^#[0-9a-f]{6}$/);
    expect((await api.post(labelsUrl(project.id), { name: "api" }, { token })).status).toBe(201);
    expectProblem(await api.post(labelsUrl(project.id), { name: "BUG" }, { token }), 409);
    const first = await api.get(`${labelsUrl(project.id)}?limit=2`, { token });
    const second = await api.get(`${labelsUrl(project.id)}?limit=2&cursor=${first.body.nextCursor}`, { token });
    expect([...first.body.data, ...second.body.data].map((l: any) => l.name).sort()).toEqual(["Chore", "api", "bug"].sort());
    expect(second.body.nextCursor).toBeNull();
    const other = await createTestProject(ws);
    expect((await api.post(labelsUrl(other.project.id), { name: "bug" }, { token })).status).toBe(201);
  });

  it("refuses bad input (422), creating nothing", async () => {
    const { ws, project } = await createTestProject();
    const cases: [unknown, string][] = [
      [{ name: "" }, "name"],
      [{}, "name"],
      [{ name: 1 }, "name"],
      [{ name: "x".repeat(51) }, "name"],
      [{ name: "x", color: "blue" }, "color"],
      [{ name: "x", color: "#abc" }, "color"],
      [{ name: "x", colour: "#abcdef" }, ""],
    ];
    for (const [body, path] of cases) {
      const res = await api.post(labelsUrl(project.id), body, { token: ws.owner.token });
      expectProblem(res, 422);
      expect(
        res.body.errors.map((e: any) => e.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    expect((await api.get(labelsUrl(project.id), { token: ws.owner.token })).body.data).toEqual([]);
  });

  it("members (and workspace members of a workspace project) create labels; viewers 403; strangers, guests 404; 401", async () => {
    const c = await createProjectCast();
    const url = labelsUrl(c.project.id);
    expectProblem(await api.post(url, { name: "x" }), 401);
    expectProblem(await api.get(url), 401);
    expectProblem(await api.post(url, { name: "x" }, { token: c.stranger.token }), 404);
    expectProblem(await api.get(url, { token: c.stranger.token }), 404);
    expectProblem(await api.post(url, { name: "x" }, { token: c.guest.token }), 404);
    expectProblem(await api.post(url, { name: "x" }, { token: c.viewer.token }), 403);
    expect((await api.get(url, { token: c.viewer.token })).status).toBe(200);
    expect((await api.post(url, { name: "by-member" }, { token: c.member.token })).status).toBe(201);
    expect((await api.post(url, { name: "by-outsider" }, { token: c.outsider.token })).status).toBe(201);
  });

  it("hides a private project's labels from workspace members outside it", async () => {
    const c = await createProjectCast("private");
    expectProblem(await api.get(labelsUrl(c.project.id), { token: c.outsider.token }), 404);
    expectProblem(await api.post(labelsUrl(c.project.id), { name: "x" }, { token: c.outsider.token }), 404);
  });
});

describe("labels: PATCH and DELETE /api/v1/projects/{projectId}/labels/{labelId}", () => {
  it("renames and recolours; a taken name is 409; bad input 422; unknown label 404", async () => {
    const { ws, project } = await createTestProject();
    const token = ws.owner.token;
    const bug = (await api.post(labelsUrl(project.id), { name: "bug" }, { token })).body;
    await api.post(labelsUrl(project.id), { name: "feature" }, { token });
    const url = `${labelsUrl(project.id)}/${bug.id}`;
    const res = await api.patch(url, { name: "Defect", color: "#00FF00" }, { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: bug.id, name: "Defect", color: "#00ff00" });
    expect((await api.patch(url, { name: "defect" }, { token })).body.name).toBe("defect");
    expectProblem(await api.patch(url, { name: "FEATURE" }, { token }), 409);
    for (const body of [{ color: "green" }, { name: "" }, { projectId: project.id }])
      expectProblem(await api.patch(url, body, { token }), 422);
    expectProblem(await api.patch(`${labelsUrl(project.id)}/${crypto.randomUUID()}`, { name: "x" }, { token }), 404);
    const other = await createTestProject(ws);
    expectProblem(await api.patch(`${labelsUrl(other.project.id)}/${bug.id}`, { name: "x" }, { token }), 404);
    expect((await api.get(labelsUrl(project.id), { token })).body.data.find((l: any) => l.id === bug.id)).toMatchObject({
      name: "defect",
      color: "#00ff00",
    });
  });

  it("deletes a label, taking it off tasks with version+1, an activity row and an event", async () => {
    const { ws, project } = await createTestProject();
    const token = ws.owner.token;
    const bug = (await api.post(labelsUrl(project.id), { name: "bug" }, { token })).body;
    const ui = (await api.post(labelsUrl(project.id), { name: "ui" }, { token })).body;
    const db = await database();
    const [task] = await db
      .insert(tasks)
      .values({ projectId: project.id, statusId: project.defaultStatus.id, number: 1, title: "T", position: "a0" })
      .returning();
    await db.insert(taskLabels).values([
      { taskId: task!.id, labelId: bug.id },
      { taskId: task!.id, labelId: ui.id },
    ]);
    expect((await api.delete(`${labelsUrl(project.id)}/${bug.id}`, { token })).status).toBe(204);
    expect(await db.select().from(labels).where(eq(labels.id, bug.id))).toHaveLength(0);
    expect((await db.select().from(taskLabels).where(eq(taskLabels.taskId, task!.id))).map((r) => r.labelId)).toEqual([ui.id]);
    const [after] = await db.select().from(tasks).where(eq(tasks.id, task!.id));
    expect(after!.version).toBe(2);
    const audit = await db.select().from(activity).where(eq(activity.taskId, task!.id));
    expect(audit.map((a) => [a.field, a.fromValue, a.toValue])).toEqual([["labels", [bug.id, ui.id].sort(), [ui.id]]]);
    const outbox = await db
      .select()
      .from(events)
      .where(and(eq(events.projectId, project.id), eq(events.type, "task.updated")));
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.data).toMatchObject({
      task: { id: task!.id, labels: [{ id: ui.id }] },
      changes: [{ field: "labels", from: [bug.id, ui.id].sort(), to: [ui.id] }],
    });
    expectProblem(await api.delete(`${labelsUrl(project.id)}/${bug.id}`, { token }), 404);
  });

  it("refuses the wrong actor: 401, stranger and guest 404, viewer 403; members may", async () => {
    const c = await createProjectCast();
    const label = (await api.post(labelsUrl(c.project.id), { name: "bug" }, { token: c.owner.token })).body;
    const url = `${labelsUrl(c.project.id)}/${label.id}`;
    for (const send of [(t?: string) => api.patch(url, { name: "x" }, { token: t }), (t?: string) => api.delete(url, { token: t })]) {
      expectProblem(await send(), 401);
      expectProblem(await send(c.stranger.token), 404);
      expectProblem(await send(c.guest.token), 404);
      expectProblem(await send(c.viewer.token), 403);
    }
    expect((await api.patch(url, { name: "renamed" }, { token: c.member.token })).status).toBe(200);
    expect((await api.delete(url, { token: c.member.token })).status).toBe(204);
  });
});
