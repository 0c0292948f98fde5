import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { database } from "@/db/client";
import { events } from "@/db/schema";
import { api } from "../helpers/app";
import { expectProblem } from "../helpers/factories";
import { createTestTask, createTestTeam } from "../helpers/tasks";

// Cycles by hand and by settings: CRUD, overlap, who may do what, cycleId on tasks, the cycle filter.
const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

let team: Awaited<ReturnType<typeof createTestTeam>>;
const cyclesUrl = () => `/api/v1/projects/${team.project.id}/cycles`;

beforeAll(() => database().then(() => undefined), 120_000);
beforeAll(async () => {
  team = await createTestTeam();
});

describe("cycles by hand", () => {
  it("creates, reads, lists, renames and deletes a cycle; dates never overlap (422, nothing written)", async () => {
    const created = await api.post(cyclesUrl(), { startDate: day(-2), endDate: day(4) }, { token: team.member.token });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ number: 1, name: "Cycle 1", state: "active", automatic: false, taskCount: 0, version: 1 });
    expect(created.headers.get("etag")).toBe('"1"');
    const id = created.body.id;

    for (const span of [
      { startDate: day(4), endDate: day(10) },
      { startDate: day(-9), endDate: day(-2) },
      { startDate: day(-5), endDate: day(20) },
    ]) {
      const clash = await api.post(cyclesUrl(), span, { token: team.member.token });
      expectProblem(clash, 422);
      expect(clash.body.errors[0].path).toBe("startDate");
    }
    const backwards = await api.post(cyclesUrl(), { startDate: day(30), endDate: day(29) }, { token: team.member.token });
    expectProblem(backwards, 422);
    expect(backwards.body.errors[0].path).toBe("endDate");
    expect((await api.get(cyclesUrl(), { token: team.viewer.token })).body.data).toHaveLength(1);

    const next = await api.post(cyclesUrl(), { name: "Polish", startDate: day(5), endDate: day(11) }, { token: team.member.token });
    expect(next.body).toMatchObject({ number: 2, name: "Polish", state: "upcoming" });
    const list = await api.get(`${cyclesUrl()}?limit=1`, { token: team.viewer.token });
    expect(list.body.data.map((c: { id: string }) => c.id)).toEqual([id]);
    const page2 = await api.get(`${cyclesUrl()}?limit=1&cursor=${list.body.nextCursor}`, { token: team.viewer.token });
    expect(page2.body).toMatchObject({ data: [{ id: next.body.id }], nextCursor: null });
    expect((await api.get(`${cyclesUrl()}?state=upcoming`, { token: team.viewer.token })).body.data).toHaveLength(1);

    expectProblem(await api.patch(`/api/v1/cycles/${id}`, { endDate: day(6) }, { token: team.member.token }), 422);
    expectProblem(
      await api.patch(`/api/v1/cycles/${id}`, { name: "x" }, { token: team.member.token, headers: { "if-match": '"7"' } }),
      412,
    );
    const renamed = await api.patch(
      `/api/v1/cycles/${id}`,
      { name: "Launch", endDate: day(3) },
      { token: team.member.token, headers: { "if-match": '"1"' } },
    );
    expect(renamed.body).toMatchObject({ name: "Launch", endDate: day(3), version: 2 });
    expect((await api.get(`/api/v1/cycles/${id}`, { token: team.viewer.token })).body).toMatchObject({ name: "Launch" });

    const task = await createTestTask(team.project, team.member, { title: "In a cycle" });
    const planned = await api.patch(`/api/v1/tasks/${task.id}`, { cycleId: next.body.id }, { token: team.member.token });
    expect(planned.body.cycleId).toBe(next.body.id);
    expect((await api.delete(`/api/v1/cycles/${next.body.id}`, { token: team.member.token })).status).toBe(204);
    expectProblem(await api.get(`/api/v1/cycles/${next.body.id}`, { token: team.member.token }), 404);
    const after = await api.get(`/api/v1/tasks/${task.id}`, { token: team.member.token });
    expect(after.body).toMatchObject({ cycleId: null, version: planned.body.version + 1 });
    const db = await database();
    const types = await db.select({ type: events.type }).from(events).where(eq(events.projectId, team.project.id));
    expect(types.map((t) => t.type)).toEqual(expect.arrayContaining(["cycle.created", "cycle.updated", "cycle.deleted"]));
  });

  it("refuses the wrong user for every operation", async () => {
    const c = await api.post(cyclesUrl(), { startDate: day(40), endDate: day(45) }, { token: team.admin.token });
    const one = `/api/v1/cycles/${c.body.id}`;
    for (const who of [team.stranger]) {
      expectProblem(await api.get(cyclesUrl(), { token: who.token }), 404);
      expectProblem(await api.post(cyclesUrl(), { startDate: day(60), endDate: day(61) }, { token: who.token }), 404);
      expectProblem(await api.get(one, { token: who.token }), 404);
      expectProblem(await api.get(`${one}/report`, { token: who.token }), 404);
      expectProblem(await api.patch(one, { name: "x" }, { token: who.token }), 404);
      expectProblem(await api.post(`${one}/complete`, undefined, { token: who.token }), 404);
      expectProblem(await api.delete(one, { token: who.token }), 404);
      expectProblem(await api.patch(`/api/v1/projects/${team.project.id}/cycle-settings`, { enabled: true }, { token: who.token }), 404);
    }
    // viewers read, never write; members run cycles but do not change the project's settings
    expect((await api.get(`${one}/report`, { token: team.viewer.token })).status).toBe(200);
    expectProblem(await api.post(cyclesUrl(), { startDate: day(60), endDate: day(61) }, { token: team.viewer.token }), 403);
    expectProblem(await api.patch(one, { name: "x" }, { token: team.viewer.token }), 403);
    expectProblem(await api.post(`${one}/complete`, undefined, { token: team.viewer.token }), 403);
    expectProblem(await api.delete(one, { token: team.viewer.token }), 403);
    expectProblem(
      await api.patch(`/api/v1/projects/${team.project.id}/cycle-settings`, { enabled: true }, { token: team.member.token }),
      403,
    );
    expectProblem(await api.post(`${one}/complete`, undefined, { token: team.member.token }), 409); // not started yet
    expect((await api.get(one, { token: team.admin.token })).body.name).toBe(c.body.name);
  });

  it("validates cycleId on tasks: a cycle of the same project, not completed", async () => {
    const other = await createTestTeam();
    const foreign = await api.post(
      `/api/v1/projects/${other.project.id}/cycles`,
      { startDate: day(0), endDate: day(1) },
      { token: other.owner.token },
    );
    const bad = await api.post(
      `/api/v1/projects/${team.project.id}/tasks`,
      { title: "x", cycleId: foreign.body.id },
      { token: team.member.token },
    );
    expectProblem(bad, 422);
    expect(bad.body.errors[0].path).toBe("cycleId");
    const mine = await api.post(cyclesUrl(), { startDate: day(70), endDate: day(72) }, { token: team.member.token });
    const task = await createTestTask(team.project, team.member, { title: "planned" });
    expectProblem(await api.patch(`/api/v1/tasks/${task.id}`, { cycleId: foreign.body.id }, { token: team.member.token }), 422);
    const created = await api.post(
      `/api/v1/projects/${team.project.id}/tasks`,
      { title: "y", cycleId: mine.body.id },
      { token: team.member.token },
    );
    expect(created.body.cycleId).toBe(mine.body.id);
    const activity = await api.get(`/api/v1/tasks/${created.body.id}/activity`, { token: team.member.token });
    expect(activity.body.data).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: "created", field: "cycle", to: mine.body.id })]),
    );
  });
});

describe("cycle settings", () => {
  it("turning cycles on creates the current cycle and the next two; bad settings are 422 with nothing written", async () => {
    const t = await createTestTeam();
    const url = `/api/v1/projects/${t.project.id}/cycle-settings`;
    for (const body of [{ lengthWeeks: 5 }, { lengthWeeks: 0 }, { startDay: "someday" }, {}, { enabled: "yes" }])
      expectProblem(await api.patch(url, body, { token: t.owner.token }), 422);
    expect((await api.get(`/api/v1/projects/${t.project.id}/cycles`, { token: t.owner.token })).body.data).toHaveLength(0);
    const on = await api.patch(
      url,
      { enabled: true, lengthWeeks: 1, startDay: "monday" },
      { token: t.owner.token, headers: { "if-match": '"1"' } },
    );
    expect(on.status, JSON.stringify(on.body)).toBe(200);
    expect(on.body).toMatchObject({ version: 2, cycleSettings: { enabled: true, lengthWeeks: 1, startDay: "monday", carryOver: true } });
    const cycles = (await api.get(`/api/v1/projects/${t.project.id}/cycles`, { token: t.owner.token })).body.data;
    expect(cycles.map((c: { state: string; automatic: boolean }) => [c.state, c.automatic])).toEqual([
      ["active", true],
      ["upcoming", true],
      ["upcoming", true],
    ]);
    expect(new Date(`${cycles[0].startDate}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(cycles[1].startDate).toBe(new Date(Date.parse(cycles[0].endDate) + DAY).toISOString().slice(0, 10));
    expectProblem(await api.patch(url, { carryOver: false }, { token: t.owner.token, headers: { "if-match": '"1"' } }), 412);
    const project = await api.get(`/api/v1/projects/${t.project.id}`, { token: t.owner.token });
    expect(project.body.cycleSettings.enabled).toBe(true);
  });
});

describe("the cycle filter", () => {
  it("board, list and schedule take cycle=current|next|<id>|none", async () => {
    const t = await createTestTeam();
    const url = `/api/v1/projects/${t.project.id}/cycles`;
    const now = await api.post(url, { startDate: day(-1), endDate: day(1) }, { token: t.member.token });
    const later = await api.post(url, { startDate: day(5), endDate: day(9) }, { token: t.member.token });
    const a = await createTestTask(t.project, t.member, { title: "current one", dueDate: day(0) });
    const b = await createTestTask(t.project, t.member, { title: "next one", dueDate: day(0) });
    const c = await createTestTask(t.project, t.member, { title: "no cycle", dueDate: day(0) });
    await api.patch(`/api/v1/tasks/${a.id}`, { cycleId: now.body.id }, { token: t.member.token });
    await api.patch(`/api/v1/tasks/${b.id}`, { cycleId: later.body.id }, { token: t.member.token });
    const ids = async (q: string) =>
      ((await api.get(`/api/v1/projects/${t.project.id}/tasks?${q}`, { token: t.viewer.token })).body.data as { id: string }[])
        .map((x) => x.id)
        .sort();
    expect(await ids("cycle=current")).toEqual([a.id]);
    expect(await ids("cycle=next")).toEqual([b.id]);
    expect(await ids(`cycle=${later.body.id}`)).toEqual([b.id]);
    expect(await ids("cycle=none")).toEqual([c.id]);
    expect(await ids("cycle=current,none")).toEqual([a.id, c.id].sort());
    expectProblem(await api.get(`/api/v1/projects/${t.project.id}/tasks?cycle=soon`, { token: t.viewer.token }), 422);
    const board = await api.get(`/api/v1/projects/${t.project.id}/board?cycle=current`, { token: t.viewer.token });
    const cards = board.body.columns.flatMap((col: { tasks: { id: string; cycleId: string }[] }) => col.tasks);
    expect(cards).toEqual([expect.objectContaining({ id: a.id, cycleId: now.body.id })]);
    const schedule = await api.get(`/api/v1/projects/${t.project.id}/schedule?from=${day(-3)}&to=${day(3)}&cycle=next`, {
      token: t.viewer.token,
    });
    expect(schedule.body.tasks.map((x: { id: string }) => x.id)).toEqual([b.id]);
    const db = await database();
    const created = await db
      .select()
      .from(events)
      .where(and(eq(events.projectId, t.project.id), eq(events.type, "cycle.created")));
    expect(created).toHaveLength(2);
  });
});
