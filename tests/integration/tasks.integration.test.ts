import { beforeAll, describe, expect, it } from "vitest";
import { database } from "@/db/client";
import { api } from "../helpers/app";
import { expectProblem } from "../helpers/factories";
import { createTestProject } from "../helpers/projects";
import { createTestTask, createTestTeam, eventsOf } from "../helpers/tasks";

beforeAll(async () => {
  await database(); // migrations, outside the first test's time
});

describe("POST /api/v1/projects/{projectId}/tasks", () => {
  it("creates a task with every field, numbered and keyed, reported by the caller", async () => {
    const { project, owner, member } = await createTestTeam();
    const label = await api.post(`/api/v1/projects/${project.id}/labels`, { name: "bug", color: "#ff0000" }, { token: owner.token });
    expect(label.status, JSON.stringify(label.body)).toBe(201);
    const started = project.statuses.find((s) => s.category === "started")!;
    const res = await api.post(
      `/api/v1/projects/${project.id}/tasks`,
      {
        title: "  Fix login  ",
        description: "It **breaks**",
        statusId: started.id,
        priority: "high",
        assigneeIds: [member.id, member.id],
        labelIds: [label.body.id],
        dueDate: "2030-01-31T22:00:00Z",
        startDate: "2030-01-02",
        estimate: 3.5,
      },
      { token: owner.token },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers.get("etag")).toBe('"1"');
    expect(res.body).toEqual({
      id: expect.any(String),
      key: `${project.key}-1`,
      number: 1,
      projectId: project.id,
      title: "Fix login",
      description: "It **breaks**",
      status: { id: started.id, name: started.name, category: "started" },
      priority: "high",
      assignees: [{ id: member.id, name: member.name }],
      labels: [{ id: label.body.id, name: "bug", color: "#ff0000" }],
      reporter: { id: owner.id, name: owner.name },
      dueDate: "2030-01-31",
      startDate: "2030-01-02",
      estimate: 3.5,
      parentId: null,
      position: expect.any(String),
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      completedAt: null,
      seriesId: null,
      customFields: {},
      cycleId: null,
    });
    const second = await createTestTask(project, member, { title: "Second" });
    expect(second).toMatchObject({
      number: 2,
      key: `${project.key}-2`,
      status: { id: project.defaultStatus.id },
      priority: "none",
      assignees: [],
      labels: [],
    });
  });

  it("places each new task at the end of its status column", async () => {
    const { project, owner } = await createTestProject();
    const a = await createTestTask(project, owner);
    const b = await createTestTask(project, owner);
    const c = await createTestTask(project, owner);
    expect([a.position, b.position, c.position].sort()).toEqual([a.position, b.position, c.position]);
    expect(new Set([a.position, b.position, c.position]).size).toBe(3);
  });

  it("sets completedAt when created straight into a closed status", async () => {
    const { project, owner } = await createTestProject();
    const done = project.statuses.find((s) => s.category === "completed")!;
    const task = await createTestTask(project, owner, { statusId: done.id });
    expect(task.completedAt).not.toBeNull();
  });

  it("records a created activity entry and a task.created event in the same transaction", async () => {
    const { project, owner } = await createTestProject();
    const task = await createTestTask(project, owner, { title: "Evented" });
    const activity = await api.get(`/api/v1/tasks/${task.id}/activity`, { token: owner.token });
    expect(activity.status).toBe(200);
    expect(activity.body).toEqual({
      data: [
        {
          id: expect.any(String),
          actor: { id: owner.id, name: owner.name },
          type: "created",
          field: "status",
          from: null,
          to: project.defaultStatus.id,
          createdAt: task.createdAt,
        },
      ],
      nextCursor: null,
    });
    const events = await eventsOf(project.id);
    expect(events.map((e) => e.type)).toEqual(["task.created"]);
    expect(events[0]).toMatchObject({ actorId: owner.id, data: { id: task.id, key: task.key, title: "Evented", version: 1 } });
  });

  it("refuses references outside the project with 422 naming the field, creating nothing", async () => {
    const { project, owner, stranger } = await createTestTeam();
    const other = await createTestProject();
    const foreignLabel = await api.post(`/api/v1/projects/${other.project.id}/labels`, { name: "x" }, { token: other.owner.token });
    const ownLabel = await api.post(`/api/v1/projects/${project.id}/labels`, { name: "y" }, { token: owner.token });
    const foreignTask = await createTestTask(other.project, other.owner);
    const url = `/api/v1/projects/${project.id}/tasks`;
    const cases: [Record<string, unknown>, string][] = [
      [{ title: "x", statusId: other.project.defaultStatus.id }, "statusId"],
      [{ title: "x", labelIds: [ownLabel.body.id, foreignLabel.body.id] }, "labelIds.1"],
      [{ title: "x", assigneeIds: [owner.id, stranger.id] }, "assigneeIds.1"],
      [{ title: "x", parentId: foreignTask.id }, "parentId"],
    ];
    for (const [body, path] of cases) {
      const res = await api.post(url, body, { token: owner.token });
      expectProblem(res, 422);
      expect(res.body.errors, JSON.stringify(body)).toContainEqual({ path, message: expect.any(String) });
    }
    expect((await eventsOf(project.id)).length).toBe(0);
    expect((await createTestTask(project, owner)).number).toBe(1);
  });

  it("refuses malformed bodies with 422 and field paths, 400 for bad JSON, 415 for other types", async () => {
    const { project, owner } = await createTestProject();
    const url = `/api/v1/projects/${project.id}/tasks`;
    const cases: [unknown, string][] = [
      [{}, "title"],
      [{ title: "" }, "title"],
      [{ title: "   " }, "title"],
      [{ title: "x".repeat(501) }, "title"],
      [{ title: 5 }, "title"],
      [{ title: "a\u0000b" }, "title"],
      [{ title: "x", description: "nul \u0000" }, "description"],
      [{ title: "x", description: 5 }, "description"],
      [{ title: "x", description: "d".repeat(50_001) }, "description"],
      [{ title: "x", statusId: "nope" }, "statusId"],
      [{ title: "x", priority: "critical" }, "priority"],
      [{ title: "x", assigneeIds: "me" }, "assigneeIds"],
      [{ title: "x", assigneeIds: ["nope"] }, "assigneeIds.0"],
      [{ title: "x", labelIds: [1] }, "labelIds.0"],
      [{ title: "x", dueDate: "2030-02-30" }, "dueDate"],
      [{ title: "x", dueDate: "tomorrow" }, "dueDate"],
      [{ title: "x", dueDate: "0000-01-01" }, "dueDate"],
      [{ title: "x", startDate: "+010000-01-01T00:00:00Z" }, "startDate"],
      [{ title: "x", startDate: "2030-13-01" }, "startDate"],
      [{ title: "x", startDate: "2030-02-01", dueDate: "2030-01-01" }, "dueDate"],
      [{ title: "x", estimate: -1 }, "estimate"],
      [{ title: "x", estimate: "3" }, "estimate"],
      [{ title: "x", parentId: "nope" }, "parentId"],
    ];
    for (const [body, path] of cases) {
      const res = await api.post(url, body, { token: owner.token });
      expectProblem(res, 422);
      expect(res.body.errors, JSON.stringify(body)).toContainEqual({ path, message: expect.any(String) });
    }
    expectProblem(
      await api.post(url, undefined, { token: owner.token, rawBody: "{", headers: { "content-type": "application/json" } }),
      400,
    );
    expectProblem(
      await api.post(url, undefined, { token: owner.token, rawBody: "title=x", headers: { "content-type": "text/plain" } }),
      415,
    );
    expectProblem(await api.post(url, [], { token: owner.token }), 422);
    expectProblem(await api.post(`/api/v1/projects/not-a-uuid/tasks`, { title: "x" }, { token: owner.token }), 404);
    expect(await eventsOf(project.id)).toEqual([]);
  });
});

describe("GET /api/v1/tasks/{idOrKey}", () => {
  it("finds a task by id and by key, case-insensitively, with an ETag", async () => {
    const { project, owner } = await createTestProject();
    const task = await createTestTask(project, owner);
    for (const ref of [task.id, task.key, task.key.toLowerCase(), task.id.toUpperCase()]) {
      const res = await api.get(`/api/v1/tasks/${ref}`, { token: owner.token });
      expect(res.status, ref).toBe(200);
      expect(res.body).toEqual(task);
      expect(res.headers.get("etag")).toBe('"1"');
    }
    const badQuery = await api.get(`/api/v1/tasks/${task.key}?workspace=Not%20A%20Slug`, { token: owner.token });
    expectProblem(badQuery, 422);
    expect(badQuery.body.errors[0].path).toBe("workspace");
    for (const ref of [`${project.key}-99`, "nonsense", "00000000-0000-0000-0000-000000000000", `${project.key}-0x1`]) {
      expectProblem(await api.get(`/api/v1/tasks/${ref}`, { token: owner.token }), 404);
    }
  });

  it("resolves a key present in two of the caller's workspaces to the older project, or to ?workspace=", async () => {
    const first = await createTestProject();
    const second = await createTestProject(undefined, { key: first.project.key });
    const { addToWorkspace } = await import("../helpers/factories");
    await addToWorkspace(second.ws, first.owner, "member");
    const older = await createTestTask(first.project, first.owner, { title: "older" });
    const newer = await createTestTask(second.project, second.owner, { title: "newer" });
    expect(older.key).toBe(newer.key);
    expect((await api.get(`/api/v1/tasks/${older.key}`, { token: first.owner.token })).body.id).toBe(older.id);
    expect((await api.get(`/api/v1/tasks/${older.key}?workspace=${second.ws.slug}`, { token: first.owner.token })).body.id).toBe(newer.id);
    // The second owner cannot see the first workspace: the key means their own task.
    expect((await api.get(`/api/v1/tasks/${older.key}`, { token: second.owner.token })).body.id).toBe(newer.id);
    expectProblem(await api.get(`/api/v1/tasks/${older.id}`, { token: second.owner.token }), 404);
  });
});
