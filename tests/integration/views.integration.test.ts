import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/app";
import { expectProblem } from "../helpers/factories";
import { createTestTeam } from "../helpers/tasks";

// Saved views: private unless shared; the owner or a project admin changes a shared view.
let team: Awaited<ReturnType<typeof createTestTeam>>;
const url = () => `/api/v1/projects/${team.project.id}/views`;
const body = {
  name: "My open bugs",
  filters: { assignee: ["me"], category: "started,unstarted", q: "login" },
  sort: "priority",
  groupBy: "status",
};

beforeAll(async () => {
  team = await createTestTeam();
});

describe("saved views", () => {
  it("saves a view with the list's filters, normalised, private by default", async () => {
    const res = await api.post(url(), body, { token: team.member.token });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      name: "My open bugs",
      shared: false,
      sort: "priority",
      groupBy: "status",
      owner: { id: team.member.id },
      version: 1,
      filters: { assignee: ["me"], category: ["started", "unstarted"], q: "login" },
    });
    expect(res.headers.get("etag")).toBe('"1"');
    const own = await api.get(url(), { token: team.member.token });
    expect(own.body.data.map((v: { id: string }) => v.id)).toContain(res.body.id);
    const others = await api.get(url(), { token: team.admin.token });
    expect(others.body.data.map((v: { id: string }) => v.id)).not.toContain(res.body.id);
    expectProblem(await api.get(`${url()}/${res.body.id}`, { token: team.admin.token }), 404);
    expectProblem(await api.patch(`${url()}/${res.body.id}`, { name: "x" }, { token: team.admin.token }), 404);
  });

  it("validates filters with the list query's schema", async () => {
    for (const filters of [{ status: ["nope"] }, { sort: "priority" }, { priority: "critical" }, { dueBefore: "2024-02-30" }, "status=x"]) {
      const res = await api.post(url(), { name: "bad", filters }, { token: team.member.token });
      expectProblem(res, 422);
      expect(res.body.errors[0].path).toMatch(/^filters/);
    }
    expectProblem(await api.post(url(), { name: "", filters: {} }, { token: team.member.token }), 422);
    expectProblem(await api.post(url(), { name: "x", filters: {}, sort: "title" }, { token: team.member.token }), 422);
    expectProblem(await api.post(url(), { name: "x", filters: {}, groupBy: "mood" }, { token: team.member.token }), 422);
  });

  it("viewers save private views but may not share them", async () => {
    expect((await api.post(url(), { name: "mine", filters: {} }, { token: team.viewer.token })).status).toBe(201);
    expectProblem(await api.post(url(), { name: "ours", filters: {}, shared: true }, { token: team.viewer.token }), 403);
    expectProblem(await api.post(url(), { name: "x", filters: {} }, { token: team.stranger.token }), 404);
  });

  it("a shared view is seen by the project; only its owner or a project admin changes it", async () => {
    const created = await api.post(
      url(),
      { name: "Team board", filters: { priority: ["urgent"] }, shared: true },
      { token: team.member.token },
    );
    const id = created.body.id;
    const seen = await api.get(url(), { token: team.viewer.token });
    expect(seen.body.data.map((v: { id: string }) => v.id)).toContain(id);
    expectProblem(await api.patch(`${url()}/${id}`, { name: "Mine now" }, { token: team.viewer.token }), 403);
    expectProblem(await api.delete(`${url()}/${id}`, { token: team.viewer.token }), 403);
    const byAdmin = await api.patch(`${url()}/${id}`, { name: "Renamed by admin" }, { token: team.admin.token });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body).toMatchObject({ name: "Renamed by admin", version: 2, filters: { priority: ["urgent"] } });
    expectProblem(await api.patch(`${url()}/${id}`, { name: "stale" }, { token: team.member.token, headers: { "if-match": '"1"' } }), 412);
    const byOwner = await api.patch(
      `${url()}/${id}`,
      { shared: false, filters: { assignee: "none" } },
      { token: team.member.token, headers: { "if-match": '"2"' } },
    );
    expect(byOwner.body).toMatchObject({ shared: false, version: 3, filters: { assignee: ["none"] } });
    expectProblem(await api.get(`${url()}/${id}`, { token: team.admin.token }), 404);
    expectProblem(await api.patch(`${url()}/${id}`, {}, { token: team.member.token }), 422);
    expect((await api.delete(`${url()}/${id}`, { token: team.member.token })).status).toBe(204);
    expectProblem(await api.get(`${url()}/${id}`, { token: team.member.token }), 404);
  });

  it("a stored view's filters drive the task list", async () => {
    const created = await api.post(
      url(),
      { name: "urgent", filters: { priority: ["urgent"], assignee: ["none"] } },
      { token: team.owner.token },
    );
    const qs = new URLSearchParams(
      Object.entries(created.body.filters as Record<string, string[]>).map(([k, v]) => [k, [v].flat().join(",")]),
    );
    const list = await api.get(`/api/v1/projects/${team.project.id}/tasks?${qs}`, { token: team.owner.token });
    expect(list.status).toBe(200);
  });
});
