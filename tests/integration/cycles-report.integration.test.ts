import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { database } from "@/db/client";
import { activity, cycles, events, projects, tasks } from "@/db/schema";
import { runCycleScheduler } from "@/server/cycles";
import { api } from "../helpers/app";
import { createTestTask, createTestTeam } from "../helpers/tasks";

// Carry-over, the report from a known history, and the scheduler creating each cycle once.
const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

beforeAll(() => database().then(() => undefined), 120_000);

describe("the report from a known history", () => {
  it("counts scope at start, added, removed, completed, carried over and the days, in points", async () => {
    const t = await createTestTeam();
    const status = (n: string) => t.project.statuses.find((s) => s.name === n)!.id;
    const [todo, doing, done, canceled] = [status("Todo"), status("In Progress"), status("Done"), status("Canceled")];
    const c = (
      await api.post(
        `/api/v1/projects/${t.project.id}/cycles`,
        { startDate: "2025-03-03", endDate: "2025-03-09" },
        { token: t.member.token },
      )
    ).body;
    const next = (
      await api.post(`/api/v1/projects/${t.project.id}/cycles`, { startDate: day(0), endDate: day(6) }, { token: t.member.token })
    ).body;
    const mk = async (title: string, estimate: number | null, statusId: string) =>
      (await createTestTask(t.project, t.member, { title, estimate, statusId })).id;
    const [A, B, X, Y, Z] = [
      await mk("A", 3, done),
      await mk("B", 5, doing),
      await mk("X", 2, done),
      await mk("Y", 1, todo),
      await mk("Z", null, canceled),
    ];
    await api.patch(`/api/v1/tasks/${B}`, { cycleId: c.id }, { token: t.member.token });
    // The history, rewritten with known times (UTC project): joins/leaves of the cycle and status moves.
    const db = await database();
    await db.delete(activity).where(inArray(activity.taskId, [A, B, X, Y, Z]));
    const at = (s: string) => new Date(`2025-03-${s}Z`);
    const row = (taskId: string, field: string, from: string | null, to: string | null, when: string) => ({
      taskId,
      projectId: t.project.id,
      actorId: t.member.id,
      type: "updated",
      field,
      fromValue: from,
      toValue: to,
      createdAt: at(when),
    });
    await db
      .insert(activity)
      .values([
        row(A, "status", null, todo, "01T09:00:00"),
        row(A, "cycle", null, c.id, "01T09:00:00"),
        row(A, "status", todo, done, "05T10:00:00"),
        row(B, "status", null, todo, "02T09:00:00"),
        row(B, "cycle", null, c.id, "02T09:00:00"),
        row(B, "status", todo, doing, "04T09:00:00"),
        row(X, "status", null, todo, "01T09:00:00"),
        row(X, "cycle", null, c.id, "04T12:00:00"),
        row(X, "status", todo, done, "06T15:00:00"),
        row(Y, "status", null, todo, "01T09:00:00"),
        row(Y, "cycle", null, c.id, "02T09:00:00"),
        row(Y, "cycle", c.id, null, "05T11:00:00"),
        row(Z, "status", null, todo, "01T09:00:00"),
        row(Z, "cycle", null, c.id, "07T08:00:00"),
        row(Z, "status", todo, canceled, "08T08:00:00"),
      ]);
    await db
      .update(tasks)
      .set({ cycleId: c.id })
      .where(inArray(tasks.id, [A, B, X, Z]));

    const live = await api.get(`/api/v1/cycles/${c.id}/report`, { token: t.viewer.token });
    expect(live.status, JSON.stringify(live.body)).toBe(200);
    const expected = {
      unit: "points",
      scopeAtStart: { tasks: 3, points: 9 },
      added: { tasks: 2, points: 2 },
      removed: { tasks: 1, points: 1 },
      completed: { tasks: 2, points: 5 },
      carriedOver: { tasks: 1, points: 5 },
    };
    expect(live.body).toMatchObject({ ...expected, frozen: false });
    expect(
      live.body.days.map((d: { date: string; scope: number; completed: number; remaining: number; ideal: number }) => [
        d.date,
        d.scope,
        d.completed,
        d.remaining,
        d.ideal,
      ]),
    ).toEqual([
      ["2025-03-03", 9, 0, 9, 9],
      ["2025-03-04", 11, 0, 11, 7.5],
      ["2025-03-05", 10, 3, 7, 6],
      ["2025-03-06", 10, 5, 5, 4.5],
      ["2025-03-07", 10, 5, 5, 3],
      ["2025-03-08", 10, 5, 5, 1.5],
      ["2025-03-09", 10, 5, 5, 0],
    ]);

    // The scheduler closes it: B (unfinished) moves on with a carried_over entry; the report is frozen.
    await runCycleScheduler();
    const closed = await api.get(`/api/v1/cycles/${c.id}`, { token: t.viewer.token });
    expect(closed.body).toMatchObject({ state: "completed", taskCount: 3 });
    const moved = await api.get(`/api/v1/tasks/${B}`, { token: t.viewer.token });
    expect(moved.body.cycleId).toBe(next.id);
    const trail = await api.get(`/api/v1/tasks/${B}/activity`, { token: t.viewer.token });
    expect(trail.body.data.at(-1)).toMatchObject({ type: "carried_over", field: "cycle", from: c.id, to: next.id, actor: null });
    expect((await api.get(`/api/v1/tasks/${A}`, { token: t.viewer.token })).body.cycleId).toBe(c.id);
    await api.patch(`/api/v1/tasks/${A}`, { statusId: todo }, { token: t.member.token }); // after the end: the frozen report stays
    const frozen = await api.get(`/api/v1/cycles/${c.id}/report`, { token: t.viewer.token });
    expect(frozen.body).toMatchObject({ ...expected, frozen: true });
    expect(frozen.body.days).toEqual(live.body.days);
    const completed = await db
      .select()
      .from(events)
      .where(and(eq(events.projectId, t.project.id), eq(events.type, "cycle.completed")));
    expect(completed.map((e) => e.data)).toEqual([expect.objectContaining({ id: c.id, carriedOver: 1, nextCycleId: next.id })]);
    expect((await api.patch(`/api/v1/tasks/${B}`, { cycleId: c.id }, { token: t.member.token })).status).toBe(422);
  });
});

describe("carry-over", () => {
  it("completing a cycle by hand moves unfinished tasks to the next one, unless the project turned carry-over off", async () => {
    const t = await createTestTeam();
    const url = `/api/v1/projects/${t.project.id}/cycles`;
    const done = t.project.statuses.find((s) => s.name === "Done")!.id;
    const now = (await api.post(url, { startDate: day(-3), endDate: day(3) }, { token: t.member.token })).body;
    const next = (await api.post(url, { startDate: day(4), endDate: day(10) }, { token: t.member.token })).body;
    const open = await createTestTask(t.project, t.member, { title: "open" });
    const finished = await createTestTask(t.project, t.member, { title: "finished" });
    await api.patch(`/api/v1/tasks/${open.id}`, { cycleId: now.id }, { token: t.member.token });
    await api.patch(`/api/v1/tasks/${finished.id}`, { cycleId: now.id, statusId: done }, { token: t.member.token });
    const res = await api.post(`/api/v1/cycles/${now.id}/complete`, undefined, { token: t.member.token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ state: "completed", endDate: day(0), taskCount: 1, completedTaskCount: 1 });
    expect((await api.get(`/api/v1/tasks/${open.id}`, { token: t.member.token })).body.cycleId).toBe(next.id);
    expect((await api.get(`/api/v1/tasks/${finished.id}`, { token: t.member.token })).body.cycleId).toBe(now.id);
    expect((await api.post(`/api/v1/cycles/${now.id}/complete`, undefined, { token: t.member.token })).status).toBe(409);
    const report = (await api.get(`/api/v1/cycles/${now.id}/report`, { token: t.member.token })).body;
    expect(report).toMatchObject({ unit: "tasks", frozen: true, completed: { tasks: 1 }, carriedOver: { tasks: 1 } });
    expect(report.days.at(-1)).toMatchObject({ date: day(0), scope: 2, completed: 1, remaining: 1 });
    const settings = await api.patch(`/api/v1/projects/${t.project.id}/cycle-settings`, { carryOver: false }, { token: t.owner.token });
    expect(settings.body.cycleSettings).toMatchObject({ enabled: false, carryOver: false });
    const later = (await api.post(url, { startDate: day(11), endDate: day(12) }, { token: t.member.token })).body;
    const db = await database();
    // Started yesterday, so it can be completed now; "later" is open after it, and still nothing moves.
    await db
      .update(cycles)
      .set({ startDate: day(-1) })
      .where(eq(cycles.id, next.id));
    const closed = await api.post(`/api/v1/cycles/${next.id}/complete`, undefined, { token: t.member.token });
    expect(closed.body).toMatchObject({ state: "completed" });
    expect(later.state).toBe("upcoming");
    expect((await api.get(`/api/v1/tasks/${open.id}`, { token: t.member.token })).body.cycleId).toBe(next.id);
  });
});

describe("the scheduler", () => {
  it("creates the current cycle and the next two once, even when two runs race, and again nothing", async () => {
    const t = await createTestTeam();
    const db = await database();
    // Settings written as a migration or an older release would leave them: on, nothing planned yet.
    await db
      .update(projects)
      .set({ cycleSettings: { enabled: true, lengthWeeks: 2, startDay: "wednesday", carryOver: true } })
      .where(eq(projects.id, t.project.id));
    const now = new Date();
    await Promise.all([runCycleScheduler(now), runCycleScheduler(now)]);
    const made = await db.select().from(cycles).where(eq(cycles.projectId, t.project.id)).orderBy(cycles.startDate);
    expect(made).toHaveLength(3);
    expect(made.map((c) => c.number).sort()).toEqual([1, 2, 3]);
    expect(made.every((c) => new Date(`${c.startDate}T00:00:00Z`).getUTCDay() === 3)).toBe(true);
    await runCycleScheduler(now);
    const again = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(cycles)
      .where(eq(cycles.projectId, t.project.id));
    expect(Number(again[0]!.n)).toBe(3);
    const created = await db
      .select()
      .from(events)
      .where(and(eq(events.projectId, t.project.id), eq(events.type, "cycle.created")));
    expect(created).toHaveLength(3);
    // Two weeks on, the first has ended: the scheduler closes it and plans one more ahead.
    const later = new Date(Date.parse(`${made[0]!.endDate}T12:00:00Z`) + DAY);
    const done = await runCycleScheduler(later);
    expect(done.created).toBeGreaterThanOrEqual(1);
    const rows = await db.select().from(cycles).where(eq(cycles.projectId, t.project.id)).orderBy(cycles.startDate);
    expect(rows).toHaveLength(4);
    expect(rows[0]!.completedAt).not.toBeNull();
  });
});
