import { beforeAll, describe, expect, it } from "vitest";
import { database } from "@/db/client";
import { api } from "../helpers/app";
import { addToWorkspace, createUser, expectProblem } from "../helpers/factories";
import { addToProject, createTestProject } from "../helpers/projects";
import { createTestTask } from "../helpers/tasks";
import { recordSomeChange, seedTasks } from "./analytics-seed";

const today = new Date().toISOString().slice(0, 10);

// Opening (and migrating) the embedded database can take a while on a busy machine.
beforeAll(() => database().then(() => undefined), 120_000);

describe("who may read analytics", () => {
  it("refuses strangers (404), anonymous callers (401) and unknown projects (404); viewers may read", async () => {
    const { ws, project } = await createTestProject(undefined, { visibility: "private" });
    const url = `/api/v1/projects/${project.id}/analytics`;
    const stranger = await createUser();
    expectProblem(await api.get(url, { token: stranger.token }), 404);
    expectProblem(await api.get(`${url}/export?table=summary`, { token: stranger.token }), 404);
    expectProblem(await api.get(url), 401);
    expectProblem(await api.get(`/api/v1/projects/00000000-0000-4000-8000-000000000000/analytics`, { token: ws.owner.token }), 404);
    expectProblem(await api.get(`/api/v1/projects/not-a-uuid/analytics`, { token: ws.owner.token }), 404);
    // A workspace member outside a private project does not see it either.
    const member = await createUser();
    await addToWorkspace(ws, member, "member");
    expectProblem(await api.get(url, { token: member.token }), 404);
    const viewer = await createUser();
    await addToWorkspace(ws, viewer, "guest");
    await addToProject(ws, project.id, viewer, "viewer");
    expect((await api.get(url, { token: viewer.token })).status).toBe(200);
  });

  it("refuses a stranger's workspace overview (404) and anonymous callers (401)", async () => {
    const { ws } = await createTestProject();
    const stranger = await createUser();
    expectProblem(await api.get(`/api/v1/workspaces/${ws.slug}/analytics`, { token: stranger.token }), 404);
    expectProblem(await api.get(`/api/v1/workspaces/${ws.slug}/analytics/export?table=projects`, { token: stranger.token }), 404);
    expectProblem(await api.get(`/api/v1/workspaces/${ws.slug}/analytics`), 401);
  });
});

describe("ranges", () => {
  it("answers bad dates, from after to and ranges over 2 years with 422 and field errors", async () => {
    const { ws, project } = await createTestProject();
    const get = (q: string) => api.get(`/api/v1/projects/${project.id}/analytics?${q}`, { token: ws.owner.token });
    const cases: [string, string][] = [
      ["from=2025-02-30", "from"],
      ["from=yesterday", "from"],
      ["to=2025-13-01", "to"],
      ["from=2025-03-02T10:00:00Z", "from"],
      ["from=2025-03-10&to=2025-03-09", "from"],
      ["from=2023-01-01&to=2025-01-02", "from"],
      [`from=2999-01-01`, "from"], // after today, the default to
    ];
    for (const [q, path] of cases) {
      const res = await get(q);
      expectProblem(res, 422);
      expect(
        res.body.errors.map((e: any) => e.path),
        q,
      ).toContain(path);
    }
    // Exactly two years, and a single day, are fine.
    expect((await get("from=2023-01-02&to=2025-01-02")).status).toBe(200);
    const one = await get("from=2025-01-02&to=2025-01-02");
    expect(one.body.cumulativeFlow).toHaveLength(1);
    const wsRes = await api.get(`/api/v1/workspaces/${ws.slug}/analytics?from=2025-03-10&to=2025-03-01`, { token: ws.owner.token });
    expectProblem(wsRes, 422);
  });
});

describe("workspace overview", () => {
  it("sums the headline figures over the projects the caller can see", async () => {
    const { ws, project: open, owner } = await createTestProject();
    const { project: secret } = await createTestProject(ws, { visibility: "private" });
    const status = (p: typeof open, name: string) => p.statuses.find((x) => x.name === name)!.id;
    const past = "2020-01-01";
    // Visible project: two open tasks, one overdue and unassigned; one done in the range after 10 h.
    await seedTasks(open.id, owner.id, [
      { history: [[status(open, "Todo"), "2025-03-03T08:00:00Z"]], dueDate: past, priority: 2 },
      { history: [[status(open, "In Progress"), "2025-03-03T08:00:00Z"]], assignees: [owner.id], estimate: 3, priority: 4 },
      {
        history: [
          [status(open, "In Progress"), "2025-03-04T08:00:00Z"],
          [status(open, "Done"), "2025-03-04T18:00:00Z"],
        ],
        closed: true,
      },
    ]);
    // Private project: one open overdue task; one done after 30 h.
    await seedTasks(secret.id, owner.id, [
      { history: [[status(secret, "Backlog"), "2025-03-05T08:00:00Z"]], dueDate: past },
      {
        history: [
          [status(secret, "In Progress"), "2025-03-05T08:00:00Z"],
          [status(secret, "Done"), "2025-03-06T14:00:00Z"],
        ],
        closed: true,
      },
    ]);
    const q = "from=2025-03-03&to=2025-03-09";
    const all = (await api.get(`/api/v1/workspaces/${ws.slug}/analytics?${q}`, { token: owner.token })).body;
    expect(all.counts.open).toBe(3);
    expect(all.counts.byCategory).toEqual({ backlog: 1, unstarted: 1, started: 1, completed: 0, canceled: 0 });
    expect(all.counts.byPriority).toEqual({ none: 1, low: 0, medium: 1, high: 0, urgent: 1 });
    expect(all.counts.byAssignee).toEqual([
      { user: null, count: 2, estimate: 0 },
      { user: { id: owner.id, name: owner.name }, count: 1, estimate: 3 },
    ]);
    expect([all.overdue, all.unassigned, all.blocked]).toEqual([2, 2, 0]);
    // Created: 3 + 2 in the week of 03-03; completed: 1 + 1. Cycle times 10 and 30: p50 = 10, p85 = p95 = 30.
    expect(all.throughput).toEqual([{ weekStart: "2025-03-03", created: 5, completed: 2 }]);
    expect(all.cycleTimeHours).toEqual({ p50: 10, p85: 30, p95: 30 });
    expect(all.projects.map((p: any) => [p.id, p.open, p.overdue, p.created, p.completed, p.cycleTimeP50]).sort()).toEqual(
      [
        [open.id, 2, 1, 3, 1, 10],
        [secret.id, 1, 1, 2, 1, 30],
      ].sort(),
    );
    // A workspace member sees only the workspace-visible project.
    const member = await createUser();
    await addToWorkspace(ws, member, "member");
    const mine = (await api.get(`/api/v1/workspaces/${ws.slug}/analytics?${q}`, { token: member.token })).body;
    expect(mine.projects.map((p: any) => p.id)).toEqual([open.id]);
    expect([mine.counts.open, mine.overdue, mine.unassigned]).toEqual([2, 1, 1]);
    expect(mine.throughput).toEqual([{ weekStart: "2025-03-03", created: 3, completed: 1 }]);
    expect(mine.cycleTimeHours).toEqual({ p50: 10, p85: 10, p95: 10 });
    const csv = await api.get(`/api/v1/workspaces/${ws.slug}/analytics/export?table=projects&${q}`, { token: member.token });
    expect(csv.status).toBe(200);
    expect(String(csv.body).split("\r\n")[1]).toBe(`${open.id},${open.key},${open.name},2,1,0,1,0,3,1,10`);
    // A guest in no project sees an empty overview.
    const guest = await createUser();
    await addToWorkspace(ws, guest, "guest");
    const none = (await api.get(`/api/v1/workspaces/${ws.slug}/analytics?${q}`, { token: guest.token })).body;
    expect([none.projects, none.counts.open, none.throughput]).toEqual([[], 0, [{ weekStart: "2025-03-03", created: 0, completed: 0 }]]);
  });
});

describe("cache", () => {
  it("serves the cached answer until the project records a change", async () => {
    const { project, owner } = await createTestProject();
    const url = `/api/v1/projects/${project.id}/analytics?to=${today}`;
    const todo = project.defaultStatus.id;
    await seedTasks(project.id, owner.id, [{ history: [[todo, new Date().toISOString()]] }]);
    expect((await api.get(url, { token: owner.token })).body.counts.byCategory.unstarted).toBe(1);
    // Written behind the services' back: no event, so the cached answer stands…
    await seedTasks(project.id, owner.id, [{ history: [[todo, new Date().toISOString()]] }]);
    expect((await api.get(url, { token: owner.token })).body.counts.byCategory.unstarted).toBe(1);
    // …until a change is recorded, as every task write does.
    await recordSomeChange(project.id);
    expect((await api.get(url, { token: owner.token })).body.counts.byCategory.unstarted).toBe(2);
  });
});

describe("through the task verbs", () => {
  it("follows status changes made through the API, with no explicit cache invalidation", async () => {
    const { project, owner } = await createTestProject();
    const byName = (n: string) => project.statuses.find((x) => x.name === n)!.id;
    const url = `/api/v1/projects/${project.id}/analytics?to=${today}`;
    const task = await createTestTask(project, owner, { estimate: 2, assigneeIds: [owner.id] });
    const first = (await api.get(url, { token: owner.token })).body;
    expect(first.counts.byCategory.unstarted).toBe(1);
    expect(first.cumulativeFlow.at(-1).counts[byName("Todo")]).toBe(1);
    expect(first.counts.byAssignee).toEqual([{ user: { id: owner.id, name: owner.name }, count: 1, estimate: 2 }]);
    expect((await api.patch(`/api/v1/tasks/${task.id}`, { statusId: byName("In Progress") }, { token: owner.token })).status).toBe(200);
    const started = (await api.get(url, { token: owner.token })).body;
    expect(started.counts.byCategory).toMatchObject({ unstarted: 0, started: 1 });
    expect(started.cumulativeFlow.at(-1).counts).toMatchObject({ [byName("Todo")]: 0, [byName("In Progress")]: 1 });
    expect((await api.patch(`/api/v1/tasks/${task.id}`, { statusId: byName("Done") }, { token: owner.token })).status).toBe(200);
    const done = (await api.get(url, { token: owner.token })).body;
    expect(done.counts.byCategory.started).toBe(0);
    expect(done.completedCount).toBe(1);
    expect(done.throughput.at(-1)).toMatchObject({ created: 1, completed: 1 });
    expect(done.cycleTimeHours.p50).toBeGreaterThanOrEqual(0);
    expect(done.slowest[0].key).toBe(task.key);
    expect(done.cumulativeFlow.at(-1).counts[byName("Done")]).toBe(1);
  });
});

describe("time zones", () => {
  it("buckets days and weeks in the project's time zone", async () => {
    const { project, owner } = await createTestProject();
    const set = await api.patch(`/api/v1/projects/${project.id}`, { timezone: "Asia/Tokyo" }, { token: owner.token });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const todo = project.defaultStatus.id;
    // Sunday 20:00 UTC is Monday 05:00 in Tokyo (UTC+9): the task belongs to the week of 03-10 there.
    await seedTasks(project.id, owner.id, [{ history: [[todo, "2025-03-09T20:00:00Z"]] }]);
    const a = (await api.get(`/api/v1/projects/${project.id}/analytics?from=2025-03-03&to=2025-03-11`, { token: owner.token })).body;
    expect(a.range.timezone).toBe("Asia/Tokyo");
    expect(a.throughput).toEqual([
      { weekStart: "2025-03-03", created: 0, completed: 0 },
      { weekStart: "2025-03-10", created: 1, completed: 0 },
    ]);
    expect(a.cumulativeFlow.map((d: any) => d.counts[todo])).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1]);
  });
});
