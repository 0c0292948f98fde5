import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/app";
import { addToWorkspace, createUser, type TestUser } from "../helpers/factories";
import { addToProject, createTestProject, type TestProject } from "../helpers/projects";
import { allPages, seedLabel, seedTasks, type SeedTask } from "../helpers/search";
import { createTestTask } from "../helpers/tasks";

// Every filter and sort of GET /projects/{id}/tasks, alone and combined, and keyset pagination
// that stays correct while tasks are inserted between pages.
let owner: TestUser;
let ann: TestUser;
let project: TestProject;
let bug: string;
let ui: string;
const byTitle = new Map<string, string>();

const list = (qs: string) => api.get(`/api/v1/projects/${project.id}/tasks?${qs}`, { token: owner.token });
const titlesOf = async (qs: string) => {
  const res = await list(qs);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.data as { title: string }[]).map((t) => t.title).sort();
};
const status = (name: string) => project.statuses.find((s) => s.name === name)!.id;

beforeAll(async () => {
  let ws;
  ({ ws, project, owner } = await createTestProject());
  ann = await createUser();
  await addToWorkspace(ws, ann, "member");
  await addToProject(ws, project.id, ann, "member");
  [bug, ui] = await Promise.all([seedLabel(project.id, "bug"), seedLabel(project.id, "ui")]);
  const t0 = Date.parse("2030-01-01T00:00:00Z");
  const rows: SeedTask[] = [
    { title: "t1", statusId: status("Todo"), priority: "urgent", dueDate: "2030-02-01", assigneeIds: [owner.id], labelIds: [bug] },
    { title: "t2", statusId: status("In Progress"), priority: "high", dueDate: "2030-02-10", assigneeIds: [ann.id], labelIds: [ui] },
    { title: "t3", statusId: status("In Review"), priority: "low", dueDate: null, assigneeIds: [owner.id, ann.id], labelIds: [bug, ui] },
    { title: "t4", statusId: status("Done"), priority: "none", dueDate: "2030-01-15" },
    { title: "t5", statusId: status("Backlog"), priority: "medium", dueDate: "2030-02-10", labelIds: [bug] },
    { title: "t6", statusId: status("Canceled"), priority: "urgent", dueDate: null, assigneeIds: [ann.id] },
  ].map((r, i) => ({ ...r, createdAt: new Date(t0 + i * 60_000), updatedAt: new Date(t0 + (6 - i) * 60_000) }) as SeedTask);
  const seeded = await seedTasks(project.id, rows);
  rows.forEach((r, i) => byTitle.set(r.title, seeded[i]!.id));
  await seedTasks(project.id, [
    { title: "t7", statusId: status("Todo"), parentId: byTitle.get("t1")!, createdAt: new Date(t0 + 10 * 60_000) },
  ]);
});

describe("filters", () => {
  it("status and category (any of)", async () => {
    expect(await titlesOf(`status=${status("Todo")}`)).toEqual(["t1", "t7"]);
    expect(await titlesOf(`status=${status("Done")},${status("Canceled")}`)).toEqual(["t4", "t6"]);
    expect(await titlesOf("category=started")).toEqual(["t2", "t3"]);
    expect(await titlesOf("category=completed,canceled,backlog")).toEqual(["t4", "t5", "t6"]);
  });

  it("assignee: me, none, ids, mixed", async () => {
    expect(await titlesOf("assignee=me")).toEqual(["t1", "t3"]);
    expect(await titlesOf(`assignee=${ann.id}`)).toEqual(["t2", "t3", "t6"]);
    expect(await titlesOf("assignee=none")).toEqual(["t4", "t5", "t7"]);
    expect(await titlesOf(`assignee=none,${ann.id.toUpperCase()}`)).toEqual(["t2", "t3", "t4", "t5", "t6", "t7"]);
  });

  it("label, priority, due range (inclusive), parent", async () => {
    expect(await titlesOf(`label=${bug}`)).toEqual(["t1", "t3", "t5"]);
    expect(await titlesOf(`label=${bug},${ui}`)).toEqual(["t1", "t2", "t3", "t5"]);
    expect(await titlesOf("priority=urgent,low")).toEqual(["t1", "t3", "t6"]);
    expect(await titlesOf("dueBefore=2030-02-01")).toEqual(["t1", "t4"]);
    expect(await titlesOf("dueAfter=2030-02-10")).toEqual(["t2", "t5"]);
    expect(await titlesOf("dueAfter=2030-02-01&dueBefore=2030-02-09")).toEqual(["t1"]);
    expect(await titlesOf(`parentId=${byTitle.get("t1")}`)).toEqual(["t7"]);
    expect(await titlesOf("parentId=none")).toHaveLength(6);
  });

  it("combines filters (all of them must hold)", async () => {
    expect(await titlesOf(`label=${bug}&assignee=me&priority=urgent,low`)).toEqual(["t1", "t3"]);
    expect(await titlesOf(`category=started&assignee=${ann.id}&label=${ui}&dueBefore=2030-02-10`)).toEqual(["t2"]);
    expect(await titlesOf(`status=${status("Todo")}&assignee=none`)).toEqual(["t7"]);
  });
});

describe("sorts", () => {
  const ordered = async (qs: string) =>
    (await allPages((c) => list(`${qs}&limit=2${c ? `&cursor=${c}` : ""}`))).map((t: { title: string }) => t.title);

  it.each([
    ["position", ["t1", "t2", "t3", "t4", "t5", "t6", "t7"]],
    ["created", ["t1", "t2", "t3", "t4", "t5", "t6", "t7"]],
    ["-created", ["t7", "t6", "t5", "t4", "t3", "t2", "t1"]],
    ["updated", ["t6", "t5", "t4", "t3", "t2", "t1", "t7"]],
    ["-updated", ["t7", "t1", "t2", "t3", "t4", "t5", "t6"]],
  ])("sort=%s pages in order", async (sort, expected) => {
    expect(await ordered(`sort=${sort}`)).toEqual(expected);
  });

  it("priority: urgent first; due: soonest first, undated last", async () => {
    const byPriority = await ordered("sort=priority");
    expect(byPriority.slice(0, 2).sort()).toEqual(["t1", "t6"]);
    expect(byPriority.slice(2, 5)).toEqual(["t2", "t5", "t3"]);
    expect(byPriority.slice(5).sort()).toEqual(["t4", "t7"]);
    const byDue = await ordered("sort=due");
    expect(byDue.slice(0, 2)).toEqual(["t4", "t1"]);
    expect(byDue.slice(2, 4).sort()).toEqual(["t2", "t5"]);
    expect(byDue.slice(4).sort()).toEqual(["t3", "t6", "t7"]);
  });

  it("defaults to position, and relevance without q is position", async () => {
    expect(await ordered("")).toEqual(await ordered("sort=position"));
    expect(await ordered("sort=relevance")).toEqual(await ordered("sort=position"));
  });
});

describe("pagination under inserts", () => {
  it.each(["position", "created", "-created", "updated", "-updated", "priority", "due", "relevance"])(
    "sort=%s serves every task once while tasks are created between pages",
    async (sort) => {
      const { project: p, owner: o } = await createTestProject();
      const marker = `pg${sort.replace("-", "d")}`;
      const make = async (n: number) => {
        for (let i = 0; i < n; i++) {
          await createTestTask(p, o, {
            title: `${marker} item ${i}`,
            priority: (["none", "low", "high", "urgent"] as const)[i % 4],
            dueDate: i % 3 ? `2031-01-${10 + i}` : null,
          });
        }
      };
      await make(6);
      const before = await api.get(`/api/v1/projects/${p.id}/tasks?sort=${sort}&q=${marker}&limit=100`, { token: o.token });
      const seen: string[] = [];
      let cursor: string | null = null;
      let round = 0;
      do {
        const res: { status: number; body: any } = await api.get(
          `/api/v1/projects/${p.id}/tasks?sort=${sort}&q=${marker}&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
          { token: o.token },
        );
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        seen.push(...res.body.data.map((t: { id: string }) => t.id));
        cursor = res.body.nextCursor;
        if (round++ < 2) await make(2);
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      for (const t of before.body.data as { id: string }[]) expect(seen).toContain(t.id);
    },
  );
});
