import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import pg from "pg";
import { database, isEmbedded } from "@/db/client";
import { api } from "../helpers/app";
import { expectProblem } from "../helpers/factories";
import { createTestProject } from "../helpers/projects";
import { createTestTask, eventsOf, openOutboxWrite, type TestTask } from "../helpers/tasks";

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

  it("a create refused by its checks uses no number (the contract allows gaps only for failures after them)", async () => {
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

describe("writes in one project side by side", () => {
  it("parallel creates, moves and comments in one project all apply; numbers are distinct and gapless, events in seq order", async () => {
    const { project, owner } = await createTestProject();
    const seeded: TestTask[] = [];
    for (let i = 0; i < 10; i++) seeded.push(await createTestTask(project, owner, { title: `seed ${i}` }));
    const [from, to] = [project.defaultStatus, project.statuses.find((s) => s.id !== project.defaultStatus.id)!];
    const results = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) =>
        api.post(`/api/v1/projects/${project.id}/tasks`, { title: `parallel ${i}` }, { token: owner.token }),
      ),
      ...seeded.map((t) => api.patch(`/api/v1/tasks/${t.id}`, { statusId: to.id }, { token: owner.token })),
      ...seeded.map((t, i) => api.post(`/api/v1/tasks/${t.id}/comments`, { body: `parallel comment ${i}` }, { token: owner.token })),
      // Several writers on one task still queue on that task: none is lost.
      ...Array.from({ length: 5 }, (_, i) =>
        api.post(`/api/v1/tasks/${seeded[0]!.id}/comments`, { body: `same task ${i}` }, { token: owner.token }),
      ),
    ]);
    expect(results.map((r) => r.status)).toEqual([...Array(20).fill(201), ...Array(10).fill(200), ...Array(15).fill(201)]);
    expect(from.id).not.toBe(to.id);

    const created = results.slice(0, 20).map((r) => r.body.number as number);
    expect(new Set(created).size).toBe(20);
    const events = await eventsOf(project.id);
    const numbersInEventOrder = events.filter((e) => e.type === "task.created").map((e) => e.data.number as number);
    // The seeded ten were created one by one; the parallel twenty commit in whatever order they finish,
    // which need not be the order their numbers were taken in (numbers are taken outside the write).
    expect(numbersInEventOrder.slice(0, 10)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect([...numbersInEventOrder].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(events.filter((e) => e.type === "task.updated")).toHaveLength(10);
    expect(events.filter((e) => e.type === "comment.created")).toHaveLength(15);
    const ids = events.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));

    const moved = await Promise.all(seeded.map((t) => api.get(`/api/v1/tasks/${t.id}`, { token: owner.token })));
    expect(moved.map((r) => r.body.status.id)).toEqual(Array(10).fill(to.id));
    const comments = await api.get(`/api/v1/tasks/${seeded[0]!.id}/comments`, { token: owner.token });
    expect(comments.body.data).toHaveLength(6);
  });

  it.skipIf(isEmbedded())("a create waiting on an archive that commits meanwhile is refused, writing nothing", async () => {
    const { project, owner } = await createTestProject();
    const archiver = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await archiver.connect();
    try {
      await archiver.query("begin");
      await archiver.query("update projects set archived_at = now() where id = $1", [project.id]);
      const late = api.post(`/api/v1/projects/${project.id}/tasks`, { title: "late" }, { token: owner.token });
      // The create's checks pass (the archive is not committed); its one write waits on the project's row.
      for (;;) {
        const waiting = await archiver.query(
          "select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()",
        );
        if (waiting.rowCount) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await archiver.query("commit");
      expectProblem(await late, 409);
    } finally {
      await archiver.end();
    }
    expect(await eventsOf(project.id)).toEqual([]);
  });

  it.skipIf(isEmbedded())("a create does not wait for another write in the project to commit; seq follows commit order", async () => {
    const { project, owner } = await createTestProject();
    const first = await createTestTask(project, owner);
    // A write recorded in the outbox and left uncommitted: its event row is inserted first.
    const slow = await openOutboxWrite(project.id, { actorId: owner.id, data: { id: first.id, key: first.key } });
    const created = await api.post(`/api/v1/projects/${project.id}/tasks`, { title: "not queued" }, { token: owner.token });
    expect(created.status).toBe(201);
    // The open transaction's row is invisible, so the create's event is the one numbered now…
    const before = await eventsOf(project.id);
    expect(before.map((e) => e.type)).toEqual(["task.created", "task.created"]);
    await slow.commit();
    // …and the row that was inserted first but committed last comes after it, past every cursor's position.
    const after = await eventsOf(project.id);
    expect(after.map((e) => e.type)).toEqual(["task.created", "task.created", "task.deleted"]);
    expect(after[2]!.id).toBeGreaterThan(before[1]!.id);
    const ids = after.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it("a write to an archived project is refused", async () => {
    const { project, owner } = await createTestProject();
    const task = await createTestTask(project, owner);
    const db = await database();
    await db.execute(sql`update projects set archived_at = now() where id = ${project.id}::uuid`);
    expectProblem(await api.post(`/api/v1/projects/${project.id}/tasks`, { title: "late" }, { token: owner.token }), 409);
    expectProblem(await api.patch(`/api/v1/tasks/${task.id}`, { title: "late" }, { token: owner.token }), 409);
    expectProblem(await api.post(`/api/v1/tasks/${task.id}/comments`, { body: "late" }, { token: owner.token }), 409);
    expect((await eventsOf(project.id)).map((e) => e.type)).toEqual(["task.created"]);
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
