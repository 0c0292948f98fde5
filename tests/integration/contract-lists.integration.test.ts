import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/app";
import { buildWorld, expectIdsAndTimes, expectStatus, type World } from "../helpers/contract";
import { expectProblem } from "../helpers/factories";
import { waitFor } from "../helpers/realtime";

// Contract, "Lists": { data, nextCursor } on every list, ?limit= (1–100, default 50) and ?cursor=;
// 422 for a limit out of range or not a number, 400 for a malformed cursor.

let w: World;
let stop: (() => Promise<void>) | undefined;
beforeAll(async () => {
  const { startBackgroundWork } = await import("@/startup/workers");
  stop = (await startBackgroundWork()).stop; // notifications are written by the outbox dispatcher
  w = await buildWorld();
  const a = w.tasks[0];
  for (const name of ["a.txt", "b.txt"]) {
    const form = new FormData();
    form.set("file", new Blob([`hello ${name}`], { type: "text/plain" }), name);
    await api.post(`/api/v1/tasks/${a.id}/attachments`, undefined, { token: w.owner.token, rawBody: form });
  }
  for (const durationSeconds of [600, 900]) {
    await api.post(`/api/v1/tasks/${a.id}/time-entries`, { durationSeconds }, { token: w.owner.token });
  }
  await api.patch(`/api/v1/tasks/${w.tasks[1].id}`, { assigneeIds: [w.member.id] }, { token: w.owner.token });
  await waitFor(
    async () => (await api.get("/api/v1/notifications", { token: w.member.token })).body?.data?.length >= 2,
    "two notifications",
  );
}, 120_000);
afterAll(async () => stop?.());

/** Every list endpoint, with who reads it; `min` is how many rows the world holds there (at least). */
function lists(): { path: string; url: string; token: string; min: number }[] {
  const { ws, project, tasks, hooks, owner, member } = w;
  const t = tasks[0].id;
  return [
    { path: "/api/v1/tokens", url: "/api/v1/tokens", token: owner.token, min: 2 },
    { path: "/api/v1/workspaces", url: "/api/v1/workspaces", token: owner.token, min: 2 },
    { path: "/api/v1/workspaces/{slug}/members", url: `/api/v1/workspaces/${ws.slug}/members`, token: owner.token, min: 3 },
    { path: "/api/v1/workspaces/{slug}/projects", url: `/api/v1/workspaces/${ws.slug}/projects`, token: owner.token, min: 2 },
    { path: "/api/v1/workspaces/{slug}/tasks", url: `/api/v1/workspaces/${ws.slug}/tasks`, token: owner.token, min: 2 },
    { path: "/api/v1/workspaces/{slug}/webhooks", url: `/api/v1/workspaces/${ws.slug}/webhooks`, token: owner.token, min: 2 },
    {
      path: "/api/v1/workspaces/{slug}/webhooks/{id}/deliveries",
      url: `/api/v1/workspaces/${ws.slug}/webhooks/${hooks[0].id}/deliveries`,
      token: owner.token,
      min: 0,
    },
    { path: "/api/v1/projects/{projectId}/members", url: `/api/v1/projects/${project.id}/members`, token: owner.token, min: 2 },
    { path: "/api/v1/projects/{projectId}/statuses", url: `/api/v1/projects/${project.id}/statuses`, token: owner.token, min: 6 },
    { path: "/api/v1/projects/{projectId}/labels", url: `/api/v1/projects/${project.id}/labels`, token: owner.token, min: 2 },
    { path: "/api/v1/projects/{projectId}/tasks", url: `/api/v1/projects/${project.id}/tasks`, token: owner.token, min: 2 },
    { path: "/api/v1/projects/{projectId}/views", url: `/api/v1/projects/${project.id}/views`, token: owner.token, min: 2 },
    { path: "/api/v1/tasks/{idOrKey}/comments", url: `/api/v1/tasks/${t}/comments`, token: owner.token, min: 2 },
    { path: "/api/v1/tasks/{idOrKey}/activity", url: `/api/v1/tasks/${t}/activity`, token: owner.token, min: 3 },
    { path: "/api/v1/tasks/{idOrKey}/watchers", url: `/api/v1/tasks/${t}/watchers`, token: owner.token, min: 2 },
    { path: "/api/v1/tasks/{idOrKey}/attachments", url: `/api/v1/tasks/${t}/attachments`, token: owner.token, min: 2 },
    { path: "/api/v1/notifications", url: "/api/v1/notifications", token: member.token, min: 2 },
    { path: "/api/v1/projects/{projectId}/trash", url: `/api/v1/projects/${project.id}/trash`, token: owner.token, min: 0 },
    { path: "/api/v1/workspaces/{slug}/invitations", url: `/api/v1/workspaces/${ws.slug}/invitations`, token: owner.token, min: 0 },
    { path: "/api/v1/workspaces/{slug}/audit", url: `/api/v1/workspaces/${ws.slug}/audit`, token: owner.token, min: 1 },
    { path: "/api/v1/tasks/{idOrKey}/time-entries", url: `/api/v1/tasks/${t}/time-entries`, token: owner.token, min: 2 },
    { path: "/api/v1/projects/{projectId}/time-entries", url: `/api/v1/projects/${project.id}/time-entries`, token: owner.token, min: 2 },
    { path: "/api/v1/projects/{projectId}/cycles", url: `/api/v1/projects/${project.id}/cycles`, token: owner.token, min: 0 },
    { path: "/api/v1/projects/{projectId}/fields", url: `/api/v1/projects/${project.id}/fields`, token: owner.token, min: 0 },
  ];
}

const withQuery = (url: string, q: string) => `${url}${url.includes("?") ? "&" : "?"}${q}`;

describe("lists are { data, nextCursor } with limit 1–100 default 50", () => {
  it("every list operation of the OpenAPI document is covered here, and documents limit 1–100 default 50 and cursor", async () => {
    const doc = (await api.get("/api/v1/openapi.json")).body;
    const pageSchemas = new Set(
      Object.entries(doc.components.schemas as Record<string, any>)
        .filter(([, s]) => s.properties?.data?.type === "array" && s.properties?.nextCursor)
        .map(([name]) => `#/components/schemas/${name}`),
    );
    const listed: string[] = [];
    for (const [path, item] of Object.entries(doc.paths as Record<string, any>)) {
      const ref = item.get?.responses?.["200"]?.content?.["application/json"]?.schema?.$ref;
      if (!ref || !pageSchemas.has(ref)) continue;
      listed.push(path);
      const params = item.get.parameters as { name: string; in: string; schema: any }[];
      const limit = params.find((p) => p.name === "limit" && p.in === "query");
      expect(limit?.schema, `${path} limit`).toMatchObject({ minimum: 1, maximum: 100, default: 50 });
      expect(
        params.some((p) => p.name === "cursor" && p.in === "query"),
        `${path} cursor`,
      ).toBe(true);
    }
    expect(listed.sort()).toEqual(
      lists()
        .map((l) => l.path)
        .sort(),
    );
  });

  it("every list answers { data: [...], nextCursor } with UUID ids and UTC times", async () => {
    for (const l of lists()) {
      const res = await api.get(l.url, { token: l.token });
      expectStatus(res, 200);
      expect(Array.isArray(res.body.data), l.path).toBe(true);
      expect(res.body.nextCursor === null || typeof res.body.nextCursor === "string", l.path).toBe(true);
      expect(res.body.data.length, l.path).toBeGreaterThanOrEqual(l.min);
      expectIdsAndTimes(res.body.data, l.path);
    }
  });

  it("limit=1 serves one row and a nextCursor that leads through every row exactly once", async () => {
    for (const l of lists().filter((x) => x.min >= 2)) {
      const all = (await api.get(withQuery(l.url, "limit=100"), { token: l.token })).body.data as unknown[];
      const seen: unknown[] = [];
      let cursor: string | null = null;
      do {
        const res: { status: number; body: any; headers: Headers } = await api.get(
          withQuery(l.url, `limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`),
          { token: l.token },
        );
        expectStatus(res, 200);
        expect(res.body.data.length, l.path).toBeLessThanOrEqual(1);
        seen.push(...res.body.data);
        cursor = res.body.nextCursor;
      } while (cursor && seen.length <= all.length);
      expect(seen, l.path).toEqual(all);
    }
  });

  it("limit=0, limit=101, limit=abc and limit=1.5 → 422 naming limit", async () => {
    for (const l of lists()) {
      for (const bad of ["0", "101", "abc", "1.5", "-1"]) {
        const res = await api.get(withQuery(l.url, `limit=${bad}`), { token: l.token });
        expectProblem(res, 422);
        expect(res.body.errors?.[0]?.path, `${l.path} limit=${bad}`).toBe("limit");
      }
    }
  });

  it("a garbage cursor → 400", async () => {
    const wrongShape = Buffer.from(JSON.stringify({ nope: true })).toString("base64url");
    for (const l of lists()) {
      for (const bad of ["garbage!!", "abc", wrongShape]) {
        const res = await api.get(withQuery(l.url, `cursor=${bad}`), { token: l.token });
        expect(res.status, `${l.path} cursor=${bad}: ${JSON.stringify(res.body)}`).toBe(400);
        expectProblem(res, 400);
      }
    }
  });

  it("the default limit is 50 and 100 is accepted", async () => {
    const { project, owner } = w;
    const { seedLabel, seedTasks } = await import("../helpers/search");
    for (let i = 0; i < 55; i++) await seedLabel(project.id, `bulk-${String(i).padStart(2, "0")}`);
    await seedTasks(
      project.id,
      Array.from({ length: 55 }, (_, i) => ({ title: `Bulk ${i}`, statusId: project.defaultStatus.id })),
    );
    for (const url of [
      `/api/v1/projects/${project.id}/labels`,
      `/api/v1/projects/${project.id}/tasks`,
      `/api/v1/workspaces/${w.ws.slug}/tasks`,
    ]) {
      const first = await api.get(url, { token: owner.token });
      expect(first.body.data.length, url).toBe(50);
      expect(typeof first.body.nextCursor, url).toBe("string");
      const big = await api.get(withQuery(url, "limit=100"), { token: owner.token });
      expectStatus(big, 200);
      expect(big.body.data.length, url).toBe(57);
      expect(big.body.nextCursor, url).toBeNull();
    }
  });
});
