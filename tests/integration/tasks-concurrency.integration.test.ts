import { beforeAll, describe, expect, it } from "vitest";
import { database } from "@/db/client";
import { api } from "../helpers/app";
import { expectProblem } from "../helpers/factories";
import { createTestProject } from "../helpers/projects";
import { createTestTask, eventsOf } from "../helpers/tasks";

beforeAll(async () => {
  await database();
});

describe("task numbers under concurrency", () => {
  it("20 parallel creates get 20 distinct, gapless numbers and distinct positions", async () => {
    const { project, owner } = await createTestProject();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.post(`/api/v1/projects/${project.id}/tasks`, { title: `parallel ${i}` }, { token: owner.token }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const numbers = results.map((r) => r.body.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.body.key)).size).toBe(20);
    expect(new Set(results.map((r) => r.body.position)).size).toBe(20);
    expect((await eventsOf(project.id)).filter((e) => e.type === "task.created")).toHaveLength(20);
  });

  it("a failed create gives its number back", async () => {
    const { project, owner } = await createTestProject();
    await createTestTask(project, owner);
    const bad = await api.post(
      `/api/v1/projects/${project.id}/tasks`,
      { title: "x", labelIds: ["00000000-0000-4000-8000-000000000000"] },
      { token: owner.token },
    );
    expectProblem(bad, 422);
    expect((await createTestTask(project, owner)).number).toBe(2);
  });
});

describe("Idempotency-Key", () => {
  it("a retry with the same key and body returns the first task and creates nothing new", async () => {
    const { project, owner } = await createTestProject();
    const headers = { "idempotency-key": `create-${project.id}` };
    const url = `/api/v1/projects/${project.id}/tasks`;
    const first = await api.post(url, { title: "once" }, { token: owner.token, headers });
    const retry = await api.post(url, { title: "once" }, { token: owner.token, headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("etag")).toBe('"1"');
    expectProblem(await api.post(url, { title: "another body" }, { token: owner.token, headers }), 409);
    expect((await eventsOf(project.id)).filter((e) => e.type === "task.created")).toHaveLength(1);
    expect((await createTestTask(project, owner)).number).toBe(2);
  });

  it("concurrent retries with one key still create a single task", async () => {
    const { project, owner } = await createTestProject();
    const headers = { "idempotency-key": `burst-${project.id}` };
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        api.post(`/api/v1/projects/${project.id}/tasks`, { title: "burst" }, { token: owner.token, headers }),
      ),
    );
    expect(results.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1);
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect((await eventsOf(project.id)).filter((e) => e.type === "task.created")).toHaveLength(1);
  });
});
