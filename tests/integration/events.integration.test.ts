import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { database, type Database } from "@/db/client";
import { Dispatcher, type Consumer } from "@/server/events/dispatcher";
import { recordEvent } from "@/server/events/record";
import { createTestProject } from "../helpers/projects";
import { waitFor } from "../helpers/realtime";
import { eventsOf } from "../helpers/tasks";

async function record(projectId: string, n: number): Promise<void> {
  const db = await database();
  await db.transaction(async (tx) => {
    await recordEvent(tx as unknown as Database, { type: "task.updated", projectId, actorId: null, data: { n } });
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
      await Promise.all(ids.map(async (id) => {
        for (let n = 0; n < 15; n++) await record(id, n);
      }));
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
