import { beforeAll, describe, expect, it } from "vitest";
import { database } from "@/db/client";
import { api } from "../helpers/app";
import { expectProblem } from "../helpers/factories";
import { createTestProject } from "../helpers/projects";
import { createTestTask, createTestTeam, eventsOf } from "../helpers/tasks";

beforeAll(async () => {
  await database();
});

describe("dependencies", () => {
  it("adds, lists both directions, and removes a blocker by id or key", async () => {
    const { project, owner } = await createTestProject();
    const [a, b, c] = [await createTestTask(project, owner), await createTestTask(project, owner), await createTestTask(project, owner)];
    const added = await api.post(`/api/v1/tasks/${a.key}/dependencies`, { blockedBy: b.key }, { token: owner.token });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.blockedBy.map((t: any) => t.id)).toEqual([b.id]);
    expect((await api.post(`/api/v1/tasks/${a.id}/dependencies`, { blockedBy: c.id }, { token: owner.token })).status).toBe(201);
    // Adding an existing link again is a no-op.
    expect((await api.post(`/api/v1/tasks/${a.id}/dependencies`, { blockedBy: c.id }, { token: owner.token })).body.blockedBy).toHaveLength(
      2,
    );
    const ofB = await api.get(`/api/v1/tasks/${b.id}/dependencies`, { token: owner.token });
    expect(ofB.body).toEqual({ blockedBy: [], blocking: [expect.objectContaining({ id: a.id, key: a.key })] });

    expect((await api.delete(`/api/v1/tasks/${a.id}/dependencies/${b.key}`, { token: owner.token })).status).toBe(204);
    expectProblem(await api.delete(`/api/v1/tasks/${a.id}/dependencies/${b.key}`, { token: owner.token }), 404);
    expect((await api.get(`/api/v1/tasks/${a.id}/dependencies`, { token: owner.token })).body.blockedBy.map((t: any) => t.id)).toEqual([
      c.id,
    ]);

    const history = (await api.get(`/api/v1/tasks/${a.id}/activity`, { token: owner.token })).body.data.filter(
      (x: any) => x.field === "blockedBy",
    );
    expect(history.map((h: any) => [h.from.length, h.to.length])).toEqual([
      [0, 1],
      [1, 2],
      [2, 1],
    ]);
    expect((await eventsOf(project.id)).filter((e) => e.type === "task.updated")).toHaveLength(3);
  });

  it("refuses cycles, a task blocking itself included, and blockers of other projects (422)", async () => {
    const { project, owner } = await createTestProject();
    const other = await createTestProject();
    const foreign = await createTestTask(other.project, other.owner);
    const [a, b, c] = [await createTestTask(project, owner), await createTestTask(project, owner), await createTestTask(project, owner)];
    await api.post(`/api/v1/tasks/${a.id}/dependencies`, { blockedBy: b.id }, { token: owner.token });
    await api.post(`/api/v1/tasks/${b.id}/dependencies`, { blockedBy: c.id }, { token: owner.token });
    for (const [task, blocker] of [
      [c, a],
      [b, a],
      [a, a],
      [c, c],
    ] as const) {
      const res = await api.post(`/api/v1/tasks/${task.id}/dependencies`, { blockedBy: blocker.id }, { token: owner.token });
      expectProblem(res, 422);
      expect(res.body.errors).toEqual([{ path: "blockedBy", message: expect.stringMatching(/cycle/) }]);
    }
    for (const body of [{ blockedBy: foreign.id }, { blockedBy: foreign.key }, { blockedBy: "" }, { blockedBy: 7 }, {}]) {
      const res = await api.post(`/api/v1/tasks/${a.id}/dependencies`, body, { token: owner.token });
      expectProblem(res, 422);
      expect(res.body.errors[0].path).toBe("blockedBy");
    }
    expect((await api.get(`/api/v1/tasks/${c.id}/dependencies`, { token: owner.token })).body.blockedBy).toEqual([]);
  });

  it("two concurrent opposite links cannot both succeed", async () => {
    const { project, owner } = await createTestProject();
    const [a, b] = [await createTestTask(project, owner), await createTestTask(project, owner)];
    const [x, y] = await Promise.all([
      api.post(`/api/v1/tasks/${a.id}/dependencies`, { blockedBy: b.id }, { token: owner.token }),
      api.post(`/api/v1/tasks/${b.id}/dependencies`, { blockedBy: a.id }, { token: owner.token }),
    ]);
    expect([x.status, y.status].sort()).toEqual([201, 422]);
  });
});

describe("watchers", () => {
  it("watch and unwatch are idempotent and list the watchers", async () => {
    const { project, owner, member, viewer } = await createTestTeam();
    const task = await createTestTask(project, owner);
    const url = `/api/v1/tasks/${task.key}/watchers`;
    expect((await api.post(url, undefined, { token: member.token })).status).toBe(204);
    expect((await api.post(url, undefined, { token: member.token })).status).toBe(204);
    expect((await api.post(url, undefined, { token: viewer.token })).status).toBe(204);
    const list = await api.get(url, { token: owner.token });
    expect(list.status).toBe(200);
    expect(list.body.data.map((w: any) => w.id).sort()).toEqual([member.id, viewer.id].sort());
    const paged = await api.get(`${url}?limit=1`, { token: owner.token });
    expect(paged.body.data).toHaveLength(1);
    const next = await api.get(`${url}?limit=1&cursor=${paged.body.nextCursor}`, { token: owner.token });
    expect(next.body).toEqual({ data: [list.body.data[1]], nextCursor: null });
    expect((await api.delete(url, { token: member.token })).status).toBe(204);
    expect((await api.delete(url, { token: member.token })).status).toBe(204);
    expect((await api.get(url, { token: owner.token })).body.data.map((w: any) => w.id)).toEqual([viewer.id]);
    expectProblem(await api.get(`${url}?limit=0`, { token: owner.token }), 422);
    expectProblem(await api.get(`${url}?cursor=garbage`, { token: owner.token }), 400);
  });
});

describe("activity", () => {
  it("pages with a cursor, oldest first", async () => {
    const { project, owner } = await createTestProject();
    const task = await createTestTask(project, owner);
    for (const title of ["a", "b", "c"]) await api.patch(`/api/v1/tasks/${task.id}`, { title }, { token: owner.token });
    const first = await api.get(`/api/v1/tasks/${task.id}/activity?limit=2`, { token: owner.token });
    expect(first.body.data.map((e: any) => e.type)).toEqual(["created", "updated"]);
    const second = await api.get(`/api/v1/tasks/${task.id}/activity?limit=2&cursor=${first.body.nextCursor}`, { token: owner.token });
    expect(second.body.data.map((e: any) => e.to)).toEqual(["b", "c"]);
    expect(second.body.nextCursor).toBeNull();
    expectProblem(await api.get(`/api/v1/tasks/${task.id}/activity?limit=101`, { token: owner.token }), 422);
    expectProblem(await api.get(`/api/v1/tasks/${task.id}/activity?limit=abc`, { token: owner.token }), 422);
    expectProblem(await api.get(`/api/v1/tasks/${task.id}/activity?cursor=%%%`, { token: owner.token }), 400);
  });
});
