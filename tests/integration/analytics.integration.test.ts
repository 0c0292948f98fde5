import { beforeAll, describe, expect, it } from "vitest";
import { database } from "@/db/client";
import { api } from "../helpers/app";
import { addToWorkspace, createUser, type TestUser } from "../helpers/factories";
import { createTestProject, type TestProject } from "../helpers/projects";
import { seedDependency, seedTasks } from "./analytics-seed";

// A project (UTC) whose history is written with known timestamps. Range: Mon 2025-03-03 .. Sun 2025-03-16.
// Statuses: B Backlog, T Todo, P In Progress, R In Review, D Done, C Canceled.
const RANGE = "from=2025-03-03&to=2025-03-16";
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const today = iso(Date.now());
const monday = iso(Date.parse(today) - ((new Date(today).getUTCDay() + 6) % 7) * DAY);
const mondayPlus = (days: number) => iso(Date.parse(monday) + days * DAY);

let project: TestProject;
let owner: TestUser;
let alice: TestUser;
let bob: TestUser;
let s: Record<"B" | "T" | "P" | "R" | "D" | "C", string>;
let t: string[];

// Opening (and migrating) the embedded database can take a while on a busy machine.
beforeAll(() => database().then(() => undefined), 120_000);

beforeAll(async () => {
  const made = await createTestProject();
  project = made.project;
  owner = made.owner;
  [alice, bob] = [await createUser("alice-" + project.key.toLowerCase()), await createUser("bob-" + project.key.toLowerCase())];
  await addToWorkspace(made.ws, alice, "member");
  await addToWorkspace(made.ws, bob, "member");
  const byName = (n: string) => project.statuses.find((x) => x.name === n)!.id;
  s = {
    B: byName("Backlog"),
    T: byName("Todo"),
    P: byName("In Progress"),
    R: byName("In Review"),
    D: byName("Done"),
    C: byName("Canceled"),
  };
  t = await seedTasks(project.id, owner.id, [
    /* T1 */ {
      history: [
        [s.T, "2025-03-03T09:00:00Z"],
        [s.P, "2025-03-04T09:00:00Z"],
        [s.D, "2025-03-05T09:00:00Z"],
      ],
      closed: true,
      priority: 4,
      estimate: 8,
      assignees: [alice.id],
      dueDate: "2025-01-01",
    },
    /* T2 */ {
      history: [
        [s.B, "2025-03-03T10:00:00Z"],
        [s.T, "2025-03-04T10:00:00Z"],
        [s.P, "2025-03-06T10:00:00Z"],
        [s.R, "2025-03-07T10:00:00Z"],
        [s.D, "2025-03-10T10:00:00Z"],
      ],
      closed: true,
    },
    /* T3 */ {
      history: [
        [s.T, "2025-02-20T12:00:00Z"],
        [s.P, "2025-03-10T12:00:00Z"],
        [s.D, "2025-03-12T00:00:00Z"],
      ],
      closed: true,
    },
    /* T4 */ {
      history: [
        [s.T, "2025-03-05T08:00:00Z"],
        [s.C, "2025-03-06T08:00:00Z"],
      ],
      closed: true,
    },
    /* T5 */ {
      title: "=SUM(A1)",
      history: [
        [s.P, "2025-03-11T09:00:00Z"],
        [s.D, "2025-03-11T15:00:00Z"],
      ],
      closed: true,
    },
    /* T6 */ {
      history: [
        [s.T, "2025-03-12T09:00:00Z"],
        [s.D, "2025-03-13T09:00:00Z"],
      ],
      closed: true,
    },
    /* T7 */ {
      history: [
        [s.T, "2025-03-04T11:00:00Z"],
        [s.P, "2025-03-05T11:00:00Z"],
        [s.T, "2025-03-06T11:00:00Z"],
      ],
      priority: 3,
      estimate: 3,
      assignees: [alice.id],
      dueDate: mondayPlus(-1),
    },
    /* T8 */ {
      history: [
        [s.B, "2025-03-08T10:00:00Z"],
        [s.T, "2025-03-08T11:00:00Z"],
        [s.P, "2025-03-08T12:00:00Z"],
      ],
      priority: 4,
      estimate: 5,
      assignees: [alice.id, bob.id],
      dueDate: today,
    },
    /* T9 */ { history: [[s.T, "2025-03-20T09:00:00Z"]], priority: 0, estimate: 2, dueDate: mondayPlus(6) },
    /* T10 */ {
      history: [
        [s.T, "2025-02-01T09:00:00Z"],
        [s.P, "2025-02-02T09:00:00Z"],
        [s.D, "2025-02-03T09:00:00Z"],
      ],
      closed: true,
    },
    /* T11 */ {
      history: [
        [s.T, "2025-03-10T09:00:00Z"],
        [s.P, "2025-03-14T09:00:00Z"],
        [s.D, "2025-03-18T09:00:00Z"],
      ],
      closed: true,
    },
    /* T12 */ { history: [[s.B, "2025-03-01T09:00:00Z"]], priority: 1, assignees: [bob.id], dueDate: mondayPlus(7) },
  ]);
  await seedDependency(t[7]!, t[6]!); // T8 blocked by T7 (open): blocked
  await seedDependency(t[8]!, t[0]!); // T9 blocked by T1 (done): not blocked
  await seedDependency(t[11]!, t[3]!); // T12 blocked by T4 (canceled): not blocked…
  await seedDependency(t[11]!, t[8]!); // …and by T9 (open): blocked
});

describe("project analytics, checked against a hand count", () => {
  it("counts open tasks now: by status, category, priority and assignee; overdue, due this week, unassigned, blocked", async () => {
    const res = await api.get(`/api/v1/projects/${project.id}/analytics?${RANGE}`, { token: owner.token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const a = res.body;
    expect(a.range).toEqual({ from: "2025-03-03", to: "2025-03-16", timezone: "UTC" });
    // Open: T7 (Todo), T8 (In Progress), T9 (Todo), T12 (Backlog); closed statuses count 0.
    expect(a.counts.byStatus.map((x: any) => [x.name, x.category, x.count])).toEqual([
      ["Backlog", "backlog", 1],
      ["Todo", "unstarted", 2],
      ["In Progress", "started", 1],
      ["In Review", "started", 0],
      ["Done", "completed", 0],
      ["Canceled", "canceled", 0],
    ]);
    expect(a.counts.byCategory).toEqual({ backlog: 1, unstarted: 2, started: 1, completed: 0, canceled: 0 });
    // T9 none, T12 low, T7 high, T8 urgent (closed T1 is urgent too, and not counted).
    expect(a.counts.byPriority).toEqual({ none: 1, low: 1, medium: 0, high: 1, urgent: 1 });
    // Alice: T7 (3) + T8 (5); Bob: T8 (5, in full) + T12 (no estimate); unassigned: T9 (2). Alice's closed T1 is left out.
    expect(a.counts.byAssignee).toEqual([
      { user: { id: alice.id, name: alice.name }, count: 2, estimate: 8 },
      { user: { id: bob.id, name: bob.name }, count: 2, estimate: 5 },
      { user: null, count: 1, estimate: 2 },
    ]);
    // Overdue: T7 (due last Sunday); T1's old due date is closed. This week: T8 (today), T9 (Sunday); T12 is next Monday.
    expect(a.overdue).toBe(1);
    expect(a.dueThisWeek).toBe(2);
    expect(a.unassigned).toBe(1);
    // T8 (blocker T7 open) and T12 (blocker T9 open); T9's blocker is done.
    expect(a.blocked).toBe(2);
  });

  it("computes throughput, cycle and lead time percentiles and the slowest tasks over the range", async () => {
    const a = (await api.get(`/api/v1/projects/${project.id}/analytics?${RANGE}`, { token: owner.token })).body;
    // Created week 1: T1 T2 T4 T7 T8; week 2: T5 T6 T11. Completed week 1: T1 (T4 canceled); week 2: T2 T3 T5 T6 (T11 on 03-18 is after).
    expect(a.throughput).toEqual([
      { weekStart: "2025-03-03", created: 5, completed: 1 },
      { weekStart: "2025-03-10", created: 3, completed: 4 },
    ]);
    expect(a.completedCount).toBe(5);
    // Cycle (first start → done): T1 24, T2 96, T3 36, T5 6, T6 never started. Sorted 6, 24, 36, 96:
    // nearest rank p50 = 2nd = 24, p85 = ceil(3.4) = 4th = 96, p95 = 4th = 96.
    expect(a.cycleTimeHours).toEqual({ p50: 24, p85: 96, p95: 96 });
    // Lead (created → done): T5 6, T6 24, T1 48, T2 168, T3 468 (Feb 20 12:00 → Mar 12 00:00).
    // p50 = ceil(2.5) = 3rd = 48, p85 = ceil(4.25) = 5th = 468, p95 = 5th = 468.
    expect(a.leadTimeHours).toEqual({ p50: 48, p85: 468, p95: 468 });
    const key = (n: number) => `${project.key}-${n}`;
    expect(a.slowest.map((x: any) => [x.key, x.cycleTimeHours, x.leadTimeHours])).toEqual([
      [key(2), 96, 168],
      [key(3), 36, 468],
      [key(1), 24, 48],
      [key(5), 6, 6],
      [key(6), null, 24],
    ]);
    expect(a.completions.map((x: any) => [x.key, x.completedAt])).toEqual([
      [key(6), "2025-03-13T09:00:00.000Z"],
      [key(3), "2025-03-12T00:00:00.000Z"],
      [key(5), "2025-03-11T15:00:00.000Z"],
      [key(2), "2025-03-10T10:00:00.000Z"],
      [key(1), "2025-03-05T09:00:00.000Z"],
    ]);
  });

  it("rebuilds the cumulative flow per day from the status history", async () => {
    const a = (await api.get(`/api/v1/projects/${project.id}/analytics?${RANGE}`, { token: owner.token })).body;
    // End-of-day states counted by hand per day, as [Backlog, Todo, In Progress, In Review, Done, Canceled].
    const expected: [string, number[]][] = [
      ["2025-03-03", [2, 2, 0, 0, 1, 0]], // T2 B, T12 B; T1 T, T3 T; T10 D
      ["2025-03-04", [1, 3, 1, 0, 1, 0]], // T2 T, T7 T; T1 P
      ["2025-03-05", [1, 3, 1, 0, 2, 0]], // T1 D; T4 T; T7 P
      ["2025-03-06", [1, 2, 1, 0, 2, 1]], // T2 P; T7 back to T; T4 C
      ["2025-03-07", [1, 2, 0, 1, 2, 1]], // T2 R
      ["2025-03-08", [1, 2, 1, 1, 2, 1]], // T8 B→T→P in one day: P
      ["2025-03-09", [1, 2, 1, 1, 2, 1]],
      ["2025-03-10", [1, 2, 2, 0, 3, 1]], // T2 D; T3 P; T11 T
      ["2025-03-11", [1, 2, 2, 0, 4, 1]], // T5 created P, done the same day
      ["2025-03-12", [1, 3, 1, 0, 5, 1]], // T3 D; T6 T
      ["2025-03-13", [1, 2, 1, 0, 6, 1]], // T6 D
      ["2025-03-14", [1, 1, 2, 0, 6, 1]], // T11 P
      ["2025-03-15", [1, 1, 2, 0, 6, 1]],
      ["2025-03-16", [1, 1, 2, 0, 6, 1]], // T11 done on 03-18 and T9 created 03-20: not yet
    ];
    const order = [s.B, s.T, s.P, s.R, s.D, s.C];
    expect(a.cumulativeFlow.map((d: any) => [d.date, order.map((id) => d.counts[id])])).toEqual(expected);
    expect(Object.keys(a.cumulativeFlow[0].counts).sort()).toEqual([...order].sort());
  });

  it("gives null percentiles when nothing was completed in the range", async () => {
    const a = (await api.get(`/api/v1/projects/${project.id}/analytics?from=2024-01-01&to=2024-01-07`, { token: owner.token })).body;
    expect(a.cycleTimeHours).toEqual({ p50: null, p85: null, p95: null });
    expect(a.leadTimeHours).toEqual({ p50: null, p85: null, p95: null });
    expect(a.completedCount).toBe(0);
    expect(a.throughput).toEqual([{ weekStart: "2024-01-01", created: 0, completed: 0 }]);
    expect(a.cumulativeFlow).toHaveLength(7);
    expect(a.cumulativeFlow.every((d: any) => Object.values(d.counts).every((n) => n === 0))).toBe(true);
  });

  it("defaults to the last 12 weeks, ending today", async () => {
    const a = (await api.get(`/api/v1/projects/${project.id}/analytics`, { token: owner.token })).body;
    expect(a.range).toEqual({ from: mondayPlus(-77), to: today, timezone: "UTC" });
    expect(a.throughput).toHaveLength(12);
    expect(a.throughput[11].weekStart).toBe(monday);
    expect(a.cumulativeFlow).toHaveLength(78 + (Date.parse(today) - Date.parse(monday)) / DAY);
    // The "now" figures do not depend on the range.
    expect(a.overdue).toBe(1);
  });

  it("exports every table as CSV, neutralising formulas", async () => {
    const csv = await api.get(`/api/v1/projects/${project.id}/analytics/export?table=throughput&${RANGE}`, { token: owner.token });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="analytics-throughput-2025-03-03-2025-03-16.csv"');
    expect(csv.body).toBe("weekStart,created,completed\r\n2025-03-03,5,1\r\n2025-03-10,3,4\r\n");
    const done = await api.get(`/api/v1/projects/${project.id}/analytics/export?table=completions&${RANGE}`, { token: owner.token });
    expect(done.body).toContain(`,${project.key}-5,'=SUM(A1),2025-03-11T15:00:00.000Z,6,6\r\n`);
    for (const table of ["summary", "status", "category", "priority", "assignee", "cumulative-flow", "slowest"]) {
      const res = await api.get(`/api/v1/projects/${project.id}/analytics/export?table=${table}&${RANGE}`, { token: owner.token });
      expect(res.status, table).toBe(200);
      expect(String(res.body).split("\r\n").length, table).toBeGreaterThan(2);
    }
    const flow = await api.get(`/api/v1/projects/${project.id}/analytics/export?table=cumulative-flow&${RANGE}`, { token: owner.token });
    expect(String(flow.body).split("\r\n").slice(0, 2)).toEqual([
      "date,Backlog,Todo,In Progress,In Review,Done,Canceled",
      "2025-03-03,2,2,0,0,1,0",
    ]);
    expect((await api.get(`/api/v1/projects/${project.id}/analytics/export?table=nope`, { token: owner.token })).status).toBe(422);
  });
});
