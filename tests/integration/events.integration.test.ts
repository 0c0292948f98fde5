import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { database, type Database } from "@/db/client";
import { events } from "@/db/schema";
import { eventTypes } from "@/server/events/catalog";
import { Dispatcher, type Consumer } from "@/server/events/dispatcher";
import { parsePayload } from "@/server/events/parse";
import { recordEvent } from "@/server/events/record";
import { api } from "../helpers/app";
import { addToWorkspace, createUser } from "../helpers/factories";
import { createTestProject } from "../helpers/projects";
import { waitFor } from "../helpers/realtime";
import { createTestTask, eventsOf } from "../helpers/tasks";

async function record(projectId: string, n: number): Promise<void> {
  const db = await database();
  await db.transaction(async (tx) => {
    await recordEvent(tx as unknown as Database, {
      type: "task.deleted",
      projectId,
      actorId: null,
      data: { id: randomUUID(), key: `T-${n}` },
    });
  });
}

describe("outbox dispatcher", () => {
  it("shares projects between dispatchers: at least once, in order per project, never one project twice at a time, retried after failures", async () => {
    const projects = await Promise.all([createTestProject(), createTestProject(), createTestProject()]);
    const ids = projects.map((p) => p.project.id);
    const ours = new Set(ids);
    const name = `test-${randomBytes(4).toString("hex")}`;
    const delivered = new Map<string, number[]>(ids.map((id) => [id, []]));
    const inFlight = new Set<string>();
    const overlaps: string[] = [];
    const byDispatcher = [0, 0];
    let failuresLeft = 2;

    const consumer = (which: number): Consumer => ({
      name,
      async handle(_tx, events, { afterCommit }) {
        const projectId = events[0]!.projectId;
        if (!ours.has(projectId)) return;
        if (inFlight.has(projectId)) overlaps.push(projectId);
        inFlight.add(projectId);
        try {
          await new Promise((r) => setTimeout(r, 10)); // widen the window for an overlap to show
          if (projectId === ids[1] && failuresLeft > 0) {
            failuresLeft--;
            throw new Error("injected failure");
          }
          afterCommit(() => {
            delivered.get(projectId)!.push(...events.map((e) => e.id));
            byDispatcher[which]! += events.length;
          });
        } finally {
          inFlight.delete(projectId);
        }
      },
    });
    const dispatchers = [new Dispatcher([consumer(0)], 50), new Dispatcher([consumer(1)], 50)];
    for (const d of dispatchers) d.start();
    try {
      // Interleaved writes to three projects while both dispatchers run.
      await Promise.all(
        ids.map(async (id) => {
          for (let n = 0; n < 15; n++) await record(id, n);
        }),
      );
      for (const id of ids) {
        const expected = (await eventsOf(id)).map((e) => e.id);
        await waitFor(() => delivered.get(id)!.length >= expected.length, `project ${id}'s events`, 30_000);
        expect(delivered.get(id)).toEqual(expected);
      }
    } finally {
      await Promise.all(dispatchers.map((d) => d.stop()));
    }
    expect(overlaps).toEqual([]);
    expect(failuresLeft).toBe(0);
    expect(byDispatcher[0]! + byDispatcher[1]!).toBe(45);
  });

  it("keeps undelivered events for the next dispatcher: nothing is lost across a stop", async () => {
    const { project } = await createTestProject();
    const name = `test-${randomBytes(4).toString("hex")}`;
    const seen: number[] = [];
    const consumer: Consumer = {
      name,
      async handle(_tx, events, { afterCommit }) {
        if (events[0]!.projectId !== project.id) return;
        afterCommit(() => void seen.push(...events.map((e) => e.id)));
      },
    };
    const first = new Dispatcher([consumer], 50);
    first.start();
    await record(project.id, 1);
    await waitFor(() => seen.length === 1, "the first event");
    await first.stop();
    await record(project.id, 2);
    await record(project.id, 3);
    const second = new Dispatcher([consumer], 50);
    second.start();
    try {
      await waitFor(() => seen.length === 3, "the events written while no dispatcher ran");
    } finally {
      await second.stop();
    }
    expect(seen).toEqual((await eventsOf(project.id)).map((e) => e.id));
  });
});

describe("event catalog", () => {
  it("every event the API records parses through the catalog, one kind of each type at least", async () => {
    const { ws, project, owner } = await createTestProject();
    const ann = await createUser();
    await addToWorkspace(ws, ann, "member");
    const token = owner.token;
    const done = project.statuses.find((s) => s.name === "Done")!;
    const review = project.statuses.find((s) => s.name === "In Review")!;
    const label = (await api.post(`/api/v1/projects/${project.id}/labels`, { name: "bug" }, { token })).body;
    const blocker = await createTestTask(project, owner, { title: "Blocker" });
    const task = await createTestTask(project, owner, { title: "Main", assigneeIds: [ann.id], labelIds: [label.id], statusId: review.id });
    const patched = await api.patch(
      `/api/v1/tasks/${task.key}`,
      {
        title: "Main 2",
        description: "d",
        priority: "high",
        dueDate: "2031-01-02",
        startDate: "2031-01-01",
        estimate: 2,
        parentId: blocker.id,
        assigneeIds: [],
        position: { before: blocker.id },
      },
      { token },
    );
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect((await api.post(`/api/v1/tasks/${task.key}/dependencies`, { blockedBy: blocker.key }, { token })).status).toBe(201);
    const comment = (await api.post(`/api/v1/tasks/${task.key}/comments`, { body: "hello" }, { token })).body;
    expect((await api.patch(`/api/v1/comments/${comment.id}`, { body: "hello again" }, { token })).status).toBe(200);
    expect((await api.delete(`/api/v1/comments/${comment.id}`, { token })).status).toBe(204);
    expect((await api.delete(`/api/v1/projects/${project.id}/labels/${label.id}`, { token })).status).toBe(204);
    expect((await api.delete(`/api/v1/projects/${project.id}/statuses/${review.id}?moveTo=${done.id}`, { token })).status).toBe(204);
    expect((await api.patch(`/api/v1/projects/${project.id}`, { name: "Renamed" }, { token })).status).toBe(200);
    expect((await api.post(`/api/v1/projects/${project.id}/members`, { userId: ann.id, role: "member" }, { token })).status).toBe(201);
    expect((await api.delete(`/api/v1/projects/${project.id}/members/${ann.id}`, { token })).status).toBe(204);
    expect((await api.delete(`/api/v1/tasks/${blocker.key}`, { token })).status).toBe(204);
    expect((await api.post(`/api/v1/tasks/${blocker.id}/restore`, undefined, { token })).status).toBe(200);
    const cycles = `/api/v1/projects/${project.id}/cycles`;
    const cycle = (await api.post(cycles, { startDate: "2020-01-01", endDate: "2020-01-05" }, { token })).body;
    expect((await api.patch(`/api/v1/tasks/${task.key}`, { cycleId: cycle.id }, { token })).status).toBe(200);
    expect((await api.patch(`/api/v1/cycles/${cycle.id}`, { name: "Renamed cycle" }, { token })).status).toBe(200);
    expect((await api.post(`/api/v1/cycles/${cycle.id}/complete`, undefined, { token })).status).toBe(200);
    const spare = (await api.post(cycles, { startDate: "2031-01-01", endDate: "2031-01-05" }, { token })).body;
    expect((await api.delete(`/api/v1/cycles/${spare.id}`, { token })).status).toBe(204);
    const field = await api.post(`/api/v1/projects/${project.id}/fields`, { name: "Ref", type: "text" }, { token });
    expect(field.status, JSON.stringify(field.body)).toBe(201);
    expect((await api.patch(`/api/v1/fields/${field.body.id}`, { name: "Reference" }, { token })).status).toBe(200);
    expect((await api.delete(`/api/v1/fields/${field.body.id}`, { token })).status).toBe(204);
    const entry = await api.post(`/api/v1/tasks/${task.key}/time-entries`, { durationSeconds: 600, date: "2030-01-02" }, { token });
    expect(entry.status, JSON.stringify(entry.body)).toBe(201);
    expect((await api.patch(`/api/v1/time-entries/${entry.body.id}`, { durationSeconds: 900 }, { token })).status).toBe(200);
    expect((await api.delete(`/api/v1/time-entries/${entry.body.id}`, { token })).status).toBe(204);

    const db = await database();
    const rows = await db.select().from(events).where(eq(events.projectId, project.id)).orderBy(asc(events.id));
    const refused = rows.filter((r) => !parsePayload(r.type, r.data)).map((r) => [r.type, r.data]);
    expect(refused).toEqual([]);
    expect([...new Set(rows.map((r) => r.type))].sort()).toEqual([...eventTypes].sort());
    const fields = rows.flatMap((r) =>
      r.type === "task.updated" ? (parsePayload(r.type, r.data)!.data as { changes: { field: string }[] }).changes.map((c) => c.field) : [],
    );
    expect(new Set(fields)).toEqual(
      new Set([
        "title",
        "description",
        "priority",
        "dueDate",
        "startDate",
        "estimate",
        "parent",
        "assignees",
        "position",
        "blockedBy",
        "labels",
        "status",
        "cycle",
      ]),
    );
  });

  it("skips a stored row that does not match (it never stalls the project) and reads the old status-removal shape", async () => {
    const { project, owner } = await createTestProject();
    const task = await createTestTask(project, owner, { title: "Legacy" });
    const name = `test-${randomBytes(4).toString("hex")}`;
    const seen: { id: number; type: string; data: unknown }[] = [];
    const consumer: Consumer = {
      name,
      async handle(_tx, batch, { afterCommit }) {
        if (batch[0]!.projectId !== project.id) return;
        afterCommit(() => void seen.push(...batch.map((e) => ({ id: e.id, type: e.type, data: e.data }))));
      },
    };
    const db = await database();
    const [first] = await eventsOf(project.id);
    const from = project.defaultStatus.id;
    const legacy = { ...first!.data, changes: { status: { from, to: from } } };
    const [bad, old] = await db
      .insert(events)
      .values([
        { workspaceId: project.workspaceId, projectId: project.id, type: "task.updated", actorId: owner.id, data: { n: 1 } },
        { workspaceId: project.workspaceId, projectId: project.id, type: "task.updated", actorId: owner.id, data: legacy },
      ])
      .returning({ id: events.id });
    await record(project.id, 99);
    const dispatcher = new Dispatcher([consumer], 50);
    dispatcher.start();
    try {
      await waitFor(() => seen.length >= 3, "the events around the bad row", 15_000);
    } finally {
      await dispatcher.stop();
    }
    // Consumers see the public ids, given by the sequencer.
    const seqOf = async (id: number) => (await db.select({ seq: events.seq }).from(events).where(eq(events.id, id)))[0]!.seq;
    expect(seen.map((e) => e.id)).not.toContain(await seqOf(bad!.id));
    expect(seen.map((e) => e.type)).toEqual(["task.created", "task.updated", "task.deleted"]);
    expect(seen[1]).toEqual({
      id: await seqOf(old!.id),
      type: "task.updated",
      data: { task: expect.objectContaining({ id: task.id }), changes: [{ field: "status", from, to: from }] },
    });
  });
});
