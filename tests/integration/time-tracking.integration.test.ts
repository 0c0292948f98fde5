import { and, asc, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { database } from "@/db/client";
import { activity, events, timeEntries } from "@/db/schema";
import { api } from "../helpers/app";
import { expectProblem } from "../helpers/factories";
import { createTestProject } from "../helpers/projects";
import { createTestTask, createTestTeam, type TestTask } from "../helpers/tasks";

// Timers (one running per person, in the database too), time logged by hand, and who may change an entry.
let team: Awaited<ReturnType<typeof createTestTeam>>;
let first: TestTask;
let second: TestTask;
const entries = (task: { id: string }) => `/api/v1/tasks/${task.id}/time-entries`;
const timer = (task: { id: string }) => `/api/v1/tasks/${task.id}/timer`;
const rowsOf = async (taskId: string) => (await database()).select().from(timeEntries).where(eq(timeEntries.taskId, taskId));
const eventTypesOf = async (projectId: string) =>
  (await (await database()).select({ type: events.type }).from(events).where(eq(events.projectId, projectId)).orderBy(asc(events.id)))
    .map((e) => e.type)
    .filter((t) => t.startsWith("time_entry."));

beforeAll(async () => {
  team = await createTestTeam();
  first = await createTestTask(team.project, team.owner, { title: "First", estimate: 2 });
  second = await createTestTask(team.project, team.owner, { title: "Second" });
});

describe("timers", () => {
  it("runs one timer per person: starting another stops the first, in one change", async () => {
    const started = await api.post(timer(first), undefined, { token: team.member.token });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(started.body).toMatchObject({
      stopped: null,
      running: { taskId: first.id, running: true, durationSeconds: null, endedAt: null },
    });
    expect(started.body.running.task).toEqual({ id: first.id, key: first.key, title: "First" });
    const again = await api.post(timer(first), undefined, { token: team.member.token });
    expect(again.status).toBe(200);
    expect(again.body.running.id).toBe(started.body.running.id);

    const switched = await api.post(timer(second), undefined, { token: team.member.token });
    expect(switched.status).toBe(201);
    expect(switched.body.stopped).toMatchObject({ id: started.body.running.id, running: false, version: 2 });
    expect(switched.body.stopped.durationSeconds).toBeGreaterThanOrEqual(0);
    expect(switched.body.running).toMatchObject({ taskId: second.id, running: true });
    const running = await (
      await database()
    )
      .select()
      .from(timeEntries)
      .where(and(eq(timeEntries.userId, team.member.id), isNull(timeEntries.seconds)));
    expect(running.map((r) => r.taskId)).toEqual([second.id]);
    expect((await api.get("/api/v1/me/timer", { token: team.member.token })).body.running.id).toBe(switched.body.running.id);
    expect((await api.get("/api/v1/me/timer", { token: team.admin.token })).body).toEqual({ running: null });

    const stopped = await api.delete("/api/v1/me/timer", { token: team.member.token });
    expect(stopped.status).toBe(200);
    expect(stopped.body).toMatchObject({ id: switched.body.running.id, running: false });
    expect(stopped.body.endedAt).not.toBeNull();
    expectProblem(await api.delete("/api/v1/me/timer", { token: team.member.token }), 404);
    expect(await eventTypesOf(team.project.id)).toEqual([
      "time_entry.created",
      "time_entry.updated",
      "time_entry.created",
      "time_entry.updated",
    ]);
  });

  it("refuses a second running timer in the database itself", async () => {
    const db = await database();
    await db
      .insert(timeEntries)
      .values({ taskId: first.id, projectId: team.project.id, userId: team.admin.id, spentOn: "2030-01-01", startedAt: new Date() });
    await expect(
      db
        .insert(timeEntries)
        .values({ taskId: second.id, projectId: team.project.id, userId: team.admin.id, spentOn: "2030-01-01", startedAt: new Date() }),
    ).rejects.toThrow();
    expect((await api.delete("/api/v1/me/timer", { token: team.admin.token })).status).toBe(200);
  });

  it("parallel starts by one person leave exactly one timer running", async () => {
    const tasks = [first, second, first, second];
    const answers = await Promise.all(tasks.map((t) => api.post(timer(t), undefined, { token: team.owner.token })));
    expect(answers.every((a) => a.status === 200 || a.status === 201)).toBe(true);
    const running = await (
      await database()
    )
      .select()
      .from(timeEntries)
      .where(and(eq(timeEntries.userId, team.owner.id), isNull(timeEntries.seconds)));
    expect(running).toHaveLength(1);
    await api.delete("/api/v1/me/timer", { token: team.owner.token });
  });
});

describe("time logged by hand", () => {
  it("logs an entry owned by its author, lists it, and records activity", async () => {
    const res = await api.post(
      entries(first),
      { durationSeconds: 5400, date: "2030-03-04", note: "Pairing" },
      { token: team.member.token },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers.get("etag")).toBe('"1"');
    expect(res.body).toMatchObject({ durationSeconds: 5400, date: "2030-03-04", note: "Pairing", running: false, startedAt: null });
    expect(res.body.user).toEqual({ id: team.member.id, name: team.member.name });
    const listed = await api.get(entries(first), { token: team.viewer.token });
    expect(listed.body.data.map((e: { id: string }) => e.id)).toContain(res.body.id);
    const trail = await (
      await database()
    )
      .select()
      .from(activity)
      .where(and(eq(activity.taskId, first.id), eq(activity.field, "timeSpent")));
    expect(trail.some((a) => a.type === "time_logged" && a.toValue === 5400)).toBe(true);
  });

  it("refuses bad input with 422 naming the field, writing nothing", async () => {
    const before = (await rowsOf(second.id)).length;
    const cases: [unknown, string][] = [
      [{ durationSeconds: 0 }, "durationSeconds"],
      [{ durationSeconds: 86_401 }, "durationSeconds"],
      [{ durationSeconds: 1.5 }, "durationSeconds"],
      [{ durationSeconds: "60" }, "durationSeconds"],
      [{}, "durationSeconds"],
      [{ durationSeconds: 60, date: "2030-02-30" }, "date"],
      [{ durationSeconds: 60, note: "x".repeat(1001) }, "note"],
    ];
    for (const [body, path] of cases) {
      const res = await api.post(entries(second), body, { token: team.member.token });
      expectProblem(res, 422);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect(await rowsOf(second.id)).toHaveLength(before);
  });

  it("lets the author and project admins change or delete an entry, nobody else", async () => {
    const { body: entry } = await api.post(entries(second), { durationSeconds: 600 }, { token: team.member.token });
    const url = `/api/v1/time-entries/${entry.id}`;
    expectProblem(await api.post(entries(second), { durationSeconds: 60 }, { token: team.viewer.token }), 403);
    expectProblem(await api.post(entries(second), { durationSeconds: 60 }, { token: team.stranger.token }), 404);
    expectProblem(await api.patch(url, { note: "mine" }, { token: team.viewer.token }), 403);
    expectProblem(await api.patch(url, { note: "mine" }, { token: team.stranger.token }), 404);
    expectProblem(await api.delete(url, { token: team.stranger.token }), 404);
    const { owner: other } = await createTestProject();
    expectProblem(await api.patch(url, { note: "mine" }, { token: other.token }), 404);

    const byAuthor = await api.patch(
      url,
      { durationSeconds: 900, note: "Review" },
      { token: team.member.token, headers: { "if-match": '"1"' } },
    );
    expect(byAuthor.status).toBe(200);
    expect(byAuthor.body).toMatchObject({ durationSeconds: 900, note: "Review", version: 2 });
    expectProblem(await api.patch(url, { note: "stale" }, { token: team.member.token, headers: { "if-match": '"1"' } }), 412);
    expectProblem(await api.patch(url, {}, { token: team.member.token }), 422);
    const byAdmin = await api.patch(url, { date: "2030-01-02" }, { token: team.admin.token });
    expect(byAdmin.body).toMatchObject({ date: "2030-01-02", version: 3, user: { id: team.member.id } });
    expectProblem(await api.delete(url, { token: team.viewer.token }), 403);
    expectProblem(await api.delete(url, { token: team.member.token, headers: { "if-match": '"2"' } }), 412);
    expect((await api.delete(url, { token: team.admin.token })).status).toBe(204);
    expectProblem(await api.patch(url, { note: "gone" }, { token: team.member.token }), 404);
    expect((await eventTypesOf(team.project.id)).slice(-4)).toEqual([
      "time_entry.created",
      "time_entry.updated",
      "time_entry.updated",
      "time_entry.deleted",
    ]);
  });

  it("refuses a duration for a running timer (409) and discards a deleted one", async () => {
    const { body } = await api.post(timer(second), undefined, { token: team.viewer.token });
    expect(body.status).toBe(403);
    const started = await api.post(timer(second), undefined, { token: team.member.token });
    const url = `/api/v1/time-entries/${started.body.running.id}`;
    expectProblem(await api.patch(url, { durationSeconds: 60 }, { token: team.member.token }), 409);
    expect((await api.patch(url, { note: "Deploy" }, { token: team.member.token })).body.note).toBe("Deploy");
    expect((await api.delete(url, { token: team.member.token })).status).toBe(204);
    expect((await api.get("/api/v1/me/timer", { token: team.member.token })).body.running).toBeNull();
  });
});
