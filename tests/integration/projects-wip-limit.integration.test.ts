import { beforeAll, describe, expect, it } from "vitest";
import { database } from "@/db/client";
import { api } from "../helpers/app";
import { expectProblem } from "../helpers/factories";
import { createProjectCast, createTestProject, type TestProject } from "../helpers/projects";

// Opening (and migrating) the embedded database can take a while on a busy machine: not inside a test's timeout.
beforeAll(async () => {
  await database();
});

const statusesUrl = (projectId: string) => `/api/v1/projects/${projectId}/statuses`;
const statusUrl = (p: TestProject, name: string) => `${statusesUrl(p.id)}/${p.statuses.find((s) => s.name === name)!.id}`;

async function limits(projectId: string, token: string): Promise<Record<string, number | null>> {
  const res = await api.get(statusesUrl(projectId), { token });
  expect(res.status).toBe(200);
  return Object.fromEntries(res.body.data.map((s: { name: string; wipLimit: number | null }) => [s.name, s.wipLimit]));
}

describe("a status's wipLimit", () => {
  it("starts null, is set and cleared with PATCH, and can be given on POST", async () => {
    const { ws, project } = await createTestProject();
    const token = ws.owner.token;
    expect(Object.values(await limits(project.id, token)).every((v) => v === null)).toBe(true);
    const set = await api.patch(statusUrl(project, "In Progress"), { wipLimit: 3 }, { token });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ name: "In Progress", wipLimit: 3 });
    expect((await limits(project.id, token))["In Progress"]).toBe(3);
    // Other fields leave the limit alone; null removes it.
    expect((await api.patch(statusUrl(project, "In Progress"), { color: "#123456" }, { token })).body.wipLimit).toBe(3);
    expect((await api.patch(statusUrl(project, "In Progress"), { wipLimit: null }, { token })).body.wipLimit).toBeNull();
    expect((await limits(project.id, token))["In Progress"]).toBeNull();
    const created = await api.post(statusesUrl(project.id), { name: "QA", category: "started", wipLimit: 2 }, { token });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.wipLimit).toBe(2);
    expect((await limits(project.id, token)).QA).toBe(2);
  });

  it("refuses a limit that is not a whole number from 1 (422), changing nothing", async () => {
    const { ws, project } = await createTestProject();
    const token = ws.owner.token;
    await api.patch(statusUrl(project, "Todo"), { wipLimit: 5 }, { token });
    for (const wipLimit of [0, -1, 2.5, "3", 10_001, true]) {
      const res = await api.patch(statusUrl(project, "Todo"), { wipLimit }, { token });
      expectProblem(res, 422);
      expect(
        res.body.errors.map((e: { path: string }) => e.path),
        JSON.stringify(wipLimit),
      ).toContain("wipLimit");
      const post = await api.post(statusesUrl(project.id), { name: `Bad ${String(wipLimit)}`, category: "started", wipLimit }, { token });
      expectProblem(post, 422);
    }
    const after = await limits(project.id, token);
    expect(after.Todo).toBe(5);
    expect(Object.keys(after)).toHaveLength(6);
  });

  it("is set by project admins only: members and viewers 403, strangers 404, anonymous 401", async () => {
    const c = await createProjectCast();
    const url = statusUrl(c.project, "Todo");
    expectProblem(await api.patch(url, { wipLimit: 2 }), 401);
    expectProblem(await api.patch(url, { wipLimit: 2 }, { token: c.stranger.token }), 404);
    expectProblem(await api.patch(url, { wipLimit: 2 }, { token: c.viewer.token }), 403);
    expectProblem(await api.patch(url, { wipLimit: 2 }, { token: c.member.token }), 403);
    expectProblem(
      await api.post(statusesUrl(c.project.id), { name: "QA", category: "started", wipLimit: 2 }, { token: c.member.token }),
      403,
    );
    expect((await limits(c.project.id, c.admin.token)).Todo).toBeNull();
    const ok = await api.patch(url, { wipLimit: 2 }, { token: c.admin.token });
    expect(ok.status).toBe(200);
    expect((await limits(c.project.id, c.member.token)).Todo).toBe(2);
  });

  it("is in the OpenAPI document: on Status, and as input on create and update", async () => {
    const doc = (await api.get("/api/v1/openapi.json")).body;
    const schemas = doc.components.schemas;
    expect(schemas.Status.properties.wipLimit).toBeDefined();
    expect(schemas.Status.required).toContain("wipLimit");
    expect(schemas.UpdateStatusInput.properties.wipLimit).toBeDefined();
    expect(schemas.CreateStatusInput.properties.wipLimit).toBeDefined();
  });
});
