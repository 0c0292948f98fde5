import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/app";
import { expectProblem } from "../helpers/factories";
import { createTestTask, createTestTeam, type TestTask } from "../helpers/tasks";

// The project's entries over a range, the time report per person and per label, and its CSV, from known entries.
let team: Awaited<ReturnType<typeof createTestTeam>>;
let bug: TestTask;
let docs: TestTask;
let plain: TestTask;
let trashed: TestTask;
let labels: { bug: string; docs: string };
const list = (q = "") => `/api/v1/projects/${team.project.id}/time-entries${q}`;
const log = (task: TestTask, token: string, durationSeconds: number, date: string, note = "") =>
  api.post(`/api/v1/tasks/${task.id}/time-entries`, { durationSeconds, date, note }, { token });

beforeAll(async () => {
  team = await createTestTeam();
  const label = async (name: string) =>
    (await api.post(`/api/v1/projects/${team.project.id}/labels`, { name, color: "#ff0000" }, { token: team.owner.token })).body
      .id as string;
  labels = { bug: await label("bug"), docs: await label("docs") };
  bug = await createTestTask(team.project, team.owner, { title: "Crash", labelIds: [labels.bug] });
  docs = await createTestTask(team.project, team.owner, { title: "=SUM(A1)", labelIds: [labels.bug, labels.docs] });
  plain = await createTestTask(team.project, team.owner, { title: "Plain" });
  trashed = await createTestTask(team.project, team.owner, { title: "Trashed" });
  // member: 1 h on bug, 30 min on docs; admin: 2 h on plain, 15 min on bug outside the range; both on the trashed task.
  for (const r of [
    await log(bug, team.member.token, 3600, "2030-03-02", 'Fix, "quoted"'),
    await log(docs, team.member.token, 1800, "2030-03-05"),
    await log(plain, team.admin.token, 7200, "2030-03-05"),
    await log(bug, team.admin.token, 900, "2030-02-01"),
    await log(trashed, team.admin.token, 600, "2030-03-03"),
  ])
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  expect((await api.delete(`/api/v1/tasks/${trashed.id}`, { token: team.owner.token })).status).toBe(204);
  // A running timer has no duration yet: listed, not summed.
  expect((await api.post(`/api/v1/tasks/${plain.id}/timer`, undefined, { token: team.owner.token })).status).toBe(201);
});

describe("project time entries", () => {
  it("filters by range and person, pages, and leaves out tasks in the trash", async () => {
    const march = await api.get(list("?from=2030-03-01&to=2030-03-31"), { token: team.viewer.token });
    expect(march.status).toBe(200);
    expect(march.body.data.map((e: { durationSeconds: number }) => e.durationSeconds)).toEqual([7200, 1800, 3600]);
    const mine = await api.get(list("?user=me"), { token: team.member.token });
    expect(mine.body.data.map((e: { task: { key: string } }) => e.task.key).sort()).toEqual([bug.key, docs.key].sort());
    const admins = await api.get(list(`?user=${team.admin.id}`), { token: team.member.token });
    expect(admins.body.data.map((e: { durationSeconds: number }) => e.durationSeconds)).toEqual([7200, 900]);
    const all = await api.get(list(), { token: team.member.token });
    expect(all.body.data).toHaveLength(5);
    expect(all.body.data.filter((e: { running: boolean }) => e.running)).toHaveLength(1);
    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page: { body: { data: { id: string }[]; nextCursor: string | null } } = await api.get(
        list(`?limit=2${cursor ? `&cursor=${cursor}` : ""}`),
        { token: team.member.token },
      );
      seen.push(...page.body.data.map((e) => e.id));
      cursor = page.body.nextCursor;
    }
    expect(seen).toEqual(all.body.data.map((e: { id: string }) => e.id));
  });

  it("refuses bad filters with 422 and strangers with 404", async () => {
    for (const [q, path] of [
      ["?from=2030-03-05&to=2030-03-01", "from"],
      ["?to=2030-13-01", "to"],
      ["?user=someone", "user"],
    ]) {
      const res = await api.get(list(q), { token: team.member.token });
      expectProblem(res, 422);
      expect(res.body.errors[0].path).toBe(path);
    }
    expectProblem(await api.get(list(), { token: team.stranger.token }), 404);
    expectProblem(await api.get(`/api/v1/projects/${team.project.id}/time-report`, { token: team.stranger.token }), 404);
    expectProblem(await api.get(`/api/v1/projects/${team.project.id}/time-entries/export.csv`, { token: team.stranger.token }), 404);
  });
});

describe("time report and CSV", () => {
  it("sums time per person and per label over the range", async () => {
    const res = await api.get(`/api/v1/projects/${team.project.id}/time-report?from=2030-03-01&to=2030-03-31`, {
      token: team.viewer.token,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ range: { from: "2030-03-01", to: "2030-03-31" }, totalSeconds: 12_600, totalHours: 3.5, entries: 3 });
    expect(res.body.byUser).toEqual([
      { user: { id: team.admin.id, name: team.admin.name }, seconds: 7200, hours: 2, entries: 1 },
      { user: { id: team.member.id, name: team.member.name }, seconds: 5400, hours: 1.5, entries: 2 },
    ]);
    expect(res.body.byLabel).toEqual([
      { label: { id: labels.bug, name: "bug", color: "#ff0000" }, seconds: 5400, hours: 1.5, entries: 2 },
      { label: { id: labels.docs, name: "docs", color: "#ff0000" }, seconds: 1800, hours: 0.5, entries: 1 },
      { label: null, seconds: 7200, hours: 2, entries: 1 },
    ]);
    expectProblem(
      await api.get(`/api/v1/projects/${team.project.id}/time-report?from=2030-04-01&to=2030-03-01`, { token: team.viewer.token }),
      422,
    );
  });

  it("exports the entries as CSV with the list's filters", async () => {
    const res = await api.get(`/api/v1/projects/${team.project.id}/time-entries/export.csv?from=2030-03-01&to=2030-03-31`, {
      token: team.member.token,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (res.body as string).trim().split("\r\n");
    expect(lines[0]).toBe("entryId,date,taskKey,taskTitle,userId,userName,durationSeconds,hours,running,startedAt,endedAt,note");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`,2030-03-05,${plain.key},Plain,${team.admin.id},${team.admin.name},7200,2,false,,,`);
    expect(lines[2]).toContain(`,2030-03-05,${docs.key},'=SUM(A1),${team.member.id},`);
    expect(lines[2]).toContain(",1800,0.5,false,,,");
    expect(lines[3]).toContain(`,3600,1,false,,,"Fix, ""quoted"""`);
    const total = lines.slice(1).reduce((n, l) => n + Number(l.split(",")[6]), 0);
    expect(total).toBe(12_600);
  });
});
