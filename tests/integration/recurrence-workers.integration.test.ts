import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { database } from "@/db/client";
import { tasks } from "@/db/schema";
import type { BackgroundWork } from "@/startup/workers";
import { api } from "../helpers/app";
import { waitFor } from "../helpers/realtime";
import { createTestTask, createTestTeam, eventsOf } from "../helpers/tasks";

// Exactly-once creation of the next occurrence with TWO workers running side by side, each with its
// own outbox dispatcher and schedule loop (as two pods would): the completion event is handled by
// one of them and the (series, occurrence) unique index backs it; the schedule job run by both at
// once creates one occurrence.
Object.assign(process.env, { DISPATCH_POLL_MS: "100" });
let workers: BackgroundWork[] = [];
let team: Awaited<ReturnType<typeof createTestTeam>>;
beforeAll(async () => {
  const { startBackgroundWork } = await import("@/startup/workers");
  workers = [await startBackgroundWork(), await startBackgroundWork()];
  team = await createTestTeam();
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
});

const inSeries = async (seriesId: string) => (await database()).select().from(tasks).where(eq(tasks.seriesId, seriesId));
const settle = () => new Promise((r) => setTimeout(r, 1500));

describe("recurring tasks with two workers", () => {
  it("completing a weekly task creates the next occurrence once, even completed, reopened and completed again", async () => {
    const done = team.project.statuses.find((s) => s.category === "completed")!;
    const todo = team.project.defaultStatus;
    const task = await createTestTask(team.project, team.member, {
      title: "Weekly report",
      dueDate: "2030-01-07",
      assigneeIds: [team.member.id],
    });
    const set = await api.put(`/api/v1/tasks/${task.key}/recurrence`, { rule: "FREQ=WEEKLY;BYDAY=MO" }, { token: team.member.token });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    for (const statusId of [done.id, todo.id, done.id]) {
      expect((await api.patch(`/api/v1/tasks/${task.key}`, { statusId }, { token: team.member.token })).status).toBe(200);
    }
    const next = await waitFor(async () => (await inSeries(set.body.seriesId)).find((t) => t.occurrenceIndex === 2), "the next occurrence");
    await settle();
    expect((await inSeries(set.body.seriesId)).length).toBe(2);
    expect(next).toMatchObject({ title: "Weekly report", dueDate: "2030-01-14", statusId: todo.id, occurrenceDate: "2030-01-14" });
    const created = (await eventsOf(team.project.id)).filter((e) => e.type === "task.created" && e.data.seriesId === set.body.seriesId);
    expect(created.map((e) => e.data.id)).toEqual([next.id]);
    expect(created[0]!.actorId).toBe(team.member.id);
    const read = await api.get(`/api/v1/tasks/${next.id}`, { token: team.member.token });
    expect(read.body).toMatchObject({ seriesId: set.body.seriesId, assignees: [{ id: team.member.id }] });
    // Completing the new one makes the third, dated a week later.
    await api.patch(`/api/v1/tasks/${next.id}`, { statusId: done.id }, { token: team.member.token });
    const third = await waitFor(
      async () => (await inSeries(set.body.seriesId)).find((t) => t.occurrenceIndex === 3),
      "the third occurrence",
    );
    expect(third.dueDate).toBe("2030-01-21");
  });

  it("an on_complete series is left alone by the schedule; on_schedule: both workers' jobs at once create one occurrence", async () => {
    const { createScheduledOccurrences } = await import("@/server/recurrence");
    const task = await createTestTask(team.project, team.member, { dueDate: "2034-05-01" });
    const set = await api.put(
      `/api/v1/tasks/${task.key}/recurrence`,
      { rule: "FREQ=MONTHLY", trigger: "on_schedule" },
      { token: team.member.token },
    );
    const other = await createTestTask(team.project, team.member, { dueDate: "2034-05-01" });
    const idle = await api.put(`/api/v1/tasks/${other.key}/recurrence`, { rule: "FREQ=MONTHLY" }, { token: team.member.token });
    const at = new Date("2034-06-01T12:00:00Z");
    await Promise.all([createScheduledOccurrences(at), createScheduledOccurrences(at), createScheduledOccurrences(at)]);
    expect((await inSeries(set.body.seriesId)).map((t) => [t.occurrenceIndex, t.dueDate]).sort()).toEqual([
      [1, "2034-05-01"],
      [2, "2034-06-01"],
    ]);
    expect((await inSeries(idle.body.seriesId)).length).toBe(1);
  });
});
