import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { api, request } from "../helpers/app";
import { expectProblem } from "../helpers/factories";
import { createTestProject } from "../helpers/projects";
import { createTestTask, createTestTeam } from "../helpers/tasks";

// CSV export and import: a lossless round trip, and dry runs that report row errors and create nothing.
let team: Awaited<ReturnType<typeof createTestTeam>>;
const csvOf = async (projectId: string, token: string) => {
  const res = await request("GET", `/api/v1/projects/${projectId}/tasks/export.csv`, { token });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/csv");
  return res.text();
};
const importCsv = (projectId: string, csv: string, token: string, dryRun = false) =>
  api.post(`/api/v1/projects/${projectId}/tasks/import${dryRun ? "?dryRun=true" : ""}`, undefined, {
    rawBody: csv,
    token,
    headers: { "content-type": "text/csv" },
  });
const countTasks = async (projectId: string, token: string) =>
  (await api.get(`/api/v1/projects/${projectId}/tasks?limit=100`, { token })).body.data.length;

beforeAll(async () => {
  team = await createTestTeam();
});

describe("CSV export and import", () => {
  it("round-trips every column, including formula-like cells, quotes, newlines and parents", async () => {
    const p = team.project;
    const label = await api.post(`/api/v1/projects/${p.id}/labels`, { name: "needs, review" }, { token: team.owner.token });
    expect(label.status, JSON.stringify(label.body)).toBe(201);
    const parent = await createTestTask(p, team.owner, {
      title: "=SUM(A1:A9)",
      description: 'Line one, "quoted"\nline two — ünïcode',
      priority: "high",
      assigneeIds: [team.owner.id, team.admin.id],
      labelIds: [label.body.id],
      dueDate: "2030-05-01",
      startDate: "2030-04-01",
      estimate: 2.5,
    });
    await createTestTask(p, team.owner, { title: "child", parentId: parent.id, statusId: p.statuses.find((s) => s.name === "Done")!.id });
    const csv = await csvOf(p.id, team.viewer.token);
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      "key",
      "title",
      "description",
      "status",
      "priority",
      "assignees",
      "labels",
      "dueDate",
      "startDate",
      "estimate",
      "parent",
      "cycle",
    ]);
    expect(rows[0]).toEqual({
      key: parent.key,
      title: "'=SUM(A1:A9)",
      description: 'Line one, "quoted"\nline two — ünïcode',
      status: "Todo",
      priority: "high",
      assignees: [team.owner.email, team.admin.email].sort().join(";"),
      labels: "needs, review",
      dueDate: "2030-05-01",
      startDate: "2030-04-01",
      estimate: "2.5",
      parent: "",
      cycle: "",
    });
    expect(rows[1]).toMatchObject({ title: "child", status: "Done", parent: parent.key });

    const { project: target } = await createTestProject(team.ws);
    await api.post(`/api/v1/projects/${target.id}/labels`, { name: "Needs, Review" }, { token: team.owner.token });
    await api.post(`/api/v1/projects/${target.id}/members`, { userId: team.admin.id, role: "member" }, { token: team.owner.token });
    const imported = await importCsv(target.id, csv, team.owner.token);
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body).toMatchObject({ dryRun: false, rows: 2, created: 2, errors: [], keys: [`${target.key}-1`, `${target.key}-2`] });
    const again = parse(await csvOf(target.id, team.owner.token), { columns: true }) as Record<string, string>[];
    const strip = (r: Record<string, string>, key: string) => ({
      ...r,
      key: r.key!.replace(`${key}-`, ""),
      parent: r.parent!.replace(`${key}-`, ""),
      labels: r.labels!.toLowerCase(),
    });
    expect(again.map((r) => strip(r, target.key))).toEqual(rows.map((r) => strip(r, p.key)));
  });

  it("carries the cycle by name: exported, imported into the open cycle of that name, refused when there is none", async () => {
    const { project, owner } = await createTestProject();
    const cycle = await api.post(
      `/api/v1/projects/${project.id}/cycles`,
      { name: "Sprint Tea", startDate: "2030-03-04", endDate: "2030-03-17" },
      { token: owner.token },
    );
    expect(cycle.status, JSON.stringify(cycle.body)).toBe(201);
    await createTestTask(project, owner, { title: "planned", cycleId: cycle.body.id });
    const rows = parse(await csvOf(project.id, owner.token), { columns: true }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({ title: "planned", cycle: "Sprint Tea" });
    const imported = await importCsv(project.id, "title,cycle\nagain,sprint tea\n", owner.token);
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const task = await api.get(`/api/v1/tasks/${imported.body.keys[0]}`, { token: owner.token });
    expect(task.body.cycleId).toBe(cycle.body.id);
    const refused = await importCsv(project.id, "title,cycle\nnowhere,Sprint Coffee\n", owner.token, true);
    expect(refused.body.errors).toEqual([expect.objectContaining({ row: 1, path: "cycle" })]);
  });

  it("a dry run reports every row error and creates nothing; so does a real import with errors", async () => {
    const { project, owner } = await createTestProject();
    await createTestTask(project, owner, { title: "existing" });
    const csv = [
      "title,status,priority,assignees,dueDate,estimate,parent,key",
      "fine,Todo,low,,2030-01-01,1,,X-1",
      ",Todo,,,,,,X-2",
      "bad status,Nope,,,,,,",
      "bad priority,,critical,,,,,",
      "bad person,,,nobody@example.test,,,,",
      "bad date,,,,2030-02-30,,,",
      "bad estimate,,,,,lots,,",
      "bad parent,,,,,,X-99,",
      `child of fine,,,,,,x-1,`,
      `child of existing,,,,,,${project.key}-1,`,
    ].join("\n");
    const dry = await importCsv(project.id, csv, owner.token, true);
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, rows: 10, created: 0, valid: 3, keys: [] });
    expect(dry.body.errors.map((e: { row: number; path: string }) => `${e.row}:${e.path}`)).toEqual([
      "2:title",
      "3:status",
      "4:priority",
      "5:assignees",
      "6:dueDate",
      "7:estimate",
      "8:parent",
    ]);
    expect(await countTasks(project.id, owner.token)).toBe(1);
    const real = await importCsv(project.id, csv, owner.token);
    expectProblem(real, 422);
    expect(real.body.errors).toHaveLength(7);
    expect(real.body.created).toBe(0);
    expect(await countTasks(project.id, owner.token)).toBe(1);
    const valid = [csv.split("\n")[0], csv.split("\n")[1], csv.split("\n")[9]].join("\n");
    const dryValid = await importCsv(project.id, valid, owner.token, true);
    expect(dryValid.body).toMatchObject({ valid: 2, created: 0, errors: [] });
    expect(await countTasks(project.id, owner.token)).toBe(1);
    const done = await importCsv(project.id, valid, owner.token);
    expect(done.status).toBe(201);
    expect(done.body.keys).toEqual([`${project.key}-2`, `${project.key}-3`]);
  });

  it("refuses bad requests and the wrong actors", async () => {
    const p = team.project;
    expectProblem(await importCsv(p.id, "title\nx", team.viewer.token), 403);
    expectProblem(await importCsv(p.id, "title\nx", team.stranger.token), 404);
    expectProblem(await api.get(`/api/v1/projects/${p.id}/tasks/export.csv`, { token: team.stranger.token }), 404);
    expectProblem(await api.post(`/api/v1/projects/${p.id}/tasks/import`, { title: "x" }, { token: team.owner.token }), 415);
    const header = await importCsv(p.id, "title,colour\nx,red", team.owner.token);
    expectProblem(header, 422);
    expect(header.body.errors[0].path).toBe("colour");
    expectProblem(await importCsv(p.id, 'title\n"unclosed', team.owner.token), 422);
    expectProblem(await importCsv(p.id, "title\n", team.owner.token), 422);
    expectProblem(await importCsv(p.id, "status\nTodo", team.owner.token), 422);
  });
});
