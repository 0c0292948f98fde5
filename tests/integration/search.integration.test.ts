import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/app";
import { createUser, expectProblem } from "../helpers/factories";
import { createTestProject, type TestProject } from "../helpers/projects";
import { seedTasks } from "../helpers/search";
import type { TestUser } from "../helpers/factories";

// Full-text search: ranking, prefixes, web-search syntax, key lookup, and bad query input.
let owner: TestUser;
let project: TestProject;
const ids: Record<string, string> = {};

const search = (q: string, extra = "") =>
  api.get(`/api/v1/projects/${project.id}/tasks?q=${encodeURIComponent(q)}${extra}`, { token: owner.token });
const titles = (res: { body: any }) => (res.body.data as { title: string }[]).map((t) => t.title);

beforeAll(async () => {
  ({ project, owner } = await createTestProject());
  const s = project.defaultStatus.id;
  const seeded = await seedTasks(project.id, [
    { title: "Comment hit", description: "nothing here", commentsText: "the zephyr broke again", statusId: s },
    { title: "Description hit", description: "a zephyr zephyr zephyr in the text, zephyr everywhere", statusId: s },
    { title: "Zephyr in the title", description: "plain", statusId: s },
    { title: "Red apple pie", description: "dessert", statusId: s },
    { title: "Apple red pie", description: "dessert", statusId: s },
    { title: "Green apple tart", description: "dessert", statusId: s },
    { title: "Update documentation pages", description: "docs", statusId: s },
    { title: "Theme switcher", description: "ui", statusId: s },
  ]);
  ["comment", "description", "title", "redApple", "appleRed", "greenApple", "docs", "theme"].forEach((k, i) => (ids[k] = seeded[i]!.id));
});

describe("ranking", () => {
  it("ranks a title match above description matches above comment matches", async () => {
    const res = await search("zephyr");
    expect(res.status).toBe(200);
    expect(res.body.data.map((t: { id: string }) => t.id)).toEqual([ids.title, ids.description, ids.comment]);
    expect(res.body.data[0]).toMatchObject({ key: expect.stringMatching(/^[A-Z0-9]+-\d+$/), status: { id: project.defaultStatus.id } });
  });

  it("pages through relevance order with (rank, id) cursors", async () => {
    const first = await search("zephyr", "&limit=1");
    expect(first.body.data.map((t: { id: string }) => t.id)).toEqual([ids.title]);
    const second = await search("zephyr", `&limit=1&cursor=${first.body.nextCursor}`);
    const third = await search("zephyr", `&limit=1&cursor=${second.body.nextCursor}`);
    expect([second.body.data[0].id, third.body.data[0].id]).toEqual([ids.description, ids.comment]);
    expect(third.body.nextCursor).toBeNull();
  });
});

describe("query syntax", () => {
  it("matches the last word as a prefix, stemmed or raw", async () => {
    expect(titles(await search("zeph"))).toHaveLength(3);
    expect(titles(await search("apple pi"))).toEqual(expect.arrayContaining(["Red apple pie", "Apple red pie"]));
    expect(titles(await search("apple pi"))).not.toContain("Green apple tart");
    expect(titles(await search("documentations"))).toEqual(["Update documentation pages"]);
    expect(titles(await search("the"))).toEqual(["Theme switcher"]);
  });

  it("requires every word, honours quoted phrases and -exclusions", async () => {
    expect(titles(await search("apple dessert green"))).toEqual(["Green apple tart"]);
    expect(titles(await search('"red apple"'))).toEqual(["Red apple pie"]);
    expect(titles(await search("apple -red")).sort()).toEqual(["Green apple tart"]);
    expect(titles(await search("apple or zephyr"))).toHaveLength(6);
  });

  it("treats tsquery operators in q as text, never as syntax", async () => {
    for (const q of ["apple & | ! :* (", "'; drop table tasks; --", "a:*b", "\\", "<->", "(((", '"unclosed']) {
      const res = await search(q);
      expect(res.status, q).toBe(200);
    }
    expect((await search("red")).body.data.length).toBeGreaterThan(0);
  });

  it("finds a task by its key, first, in any case", async () => {
    const key = `${project.key}-5`;
    const res = await search(key.toLowerCase());
    expect(res.status).toBe(200);
    expect(res.body.data[0]).toMatchObject({ id: ids.appleRed, key });
    const other = await search(`${project.key}-999`);
    expect(other.body.data).toEqual([]);
  });
});

describe("bad input", () => {
  const base = () => `/api/v1/projects/${project.id}/tasks`;
  it.each([
    ["status=nope", "status.0"],
    ["category=doing", "category.0"],
    ["assignee=bob", "assignee.0"],
    ["label=1,2", "label.0"],
    ["priority=critical", "priority.0"],
    ["dueBefore=2024-13-01", "dueBefore"],
    ["dueAfter=tomorrow", "dueAfter"],
    ["parentId=ENG-1", "parentId"],
    ["sort=title", "sort"],
    ["limit=abc", "limit"],
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    [`q=${"x".repeat(201)}`, "q"],
  ])("refuses %s with 422 naming %s", async (qs, path) => {
    const res = await api.get(`${base()}?${qs}`, { token: owner.token });
    expectProblem(res, 422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it("refuses a malformed cursor, or one from another sort, with 400", async () => {
    expectProblem(await api.get(`${base()}?cursor=%%%`, { token: owner.token }), 400);
    expectProblem(await api.get(`${base()}?cursor=${Buffer.from("[1,2]").toString("base64url")}`, { token: owner.token }), 400);
    const page = await api.get(`${base()}?sort=created&limit=1`, { token: owner.token });
    expectProblem(await api.get(`${base()}?sort=priority&cursor=${page.body.nextCursor}`, { token: owner.token }), 400);
  });

  it("answers 401 without credentials and 404 to a stranger or for an unknown project", async () => {
    expectProblem(await api.get(base()), 401);
    const stranger = await createUser();
    expectProblem(await api.get(base(), { token: stranger.token }), 404);
    expectProblem(await api.get(`/api/v1/projects/00000000-0000-4000-8000-000000000000/tasks`, { token: owner.token }), 404);
  });
});
