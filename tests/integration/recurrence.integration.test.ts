import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { database } from "@/db/client";
import { taskSeries, tasks } from "@/db/schema";
import { applyToFutureOccurrences, createScheduledOccurrences } from "@/server/recurrence";
import { createContext } from "@/server/context";
import { api } from "../helpers/app";
import { expectProblem } from "../helpers/factories";
import { createTestTask, createTestTeam, eventsOf } from "../helpers/tasks";

// The recurrence sub-resource: rule validation, permissions, the series' end (COUNT / UNTIL) and
// calendar-like "this" / "future" edits. Occurrences are made by the schedule job, called directly
// with a chosen `now` (recurrence-workers covers the outbox consumer and two workers).
let team: Awaited<ReturnType<typeof createTestTeam>>;
const rec = (key: string) => `/api/v1/tasks/${key}/recurrence`;
const seriesTasks = async (seriesId: string) =>
  (await (await database()).select().from(tasks).where(eq(tasks.seriesId, seriesId))).sort(
    (a, b) => a.occurrenceIndex! - b.occurrenceIndex!,
  );

beforeAll(async () => {
  team = await createTestTeam();
});

describe("recurring tasks", () => {
  it("refuses a bad rule with 422 naming `rule` and writes nothing", async () => {
    const task = await createTestTask(team.project, team.member, { dueDate: "2030-01-07" });
    const before = (await eventsOf(team.project.id)).length;
    for (const rule of [
      "",
      "FREQ=HOURLY",
      "FREQ=WEEKLY;BYDAY=XX",
      "FREQ=DAILY;COUNT=3;UNTIL=20300301",
      "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
      "BYDAY=MO",
      "FREQ=DAILY;UNTIL=20290101",
      "FREQ=WEEKLY;FOO=1",
    ]) {
      const res = await api.put(rec(task.key), { rule }, { token: team.member.token });
      expectProblem(res, 422);
      expect(res.body.errors[0].path, rule).toBe("rule");
    }
    const badTrigger = await api.put(rec(task.key), { rule: "FREQ=DAILY", trigger: "sometimes" }, { token: team.member.token });
    expect(badTrigger.body.errors[0].path).toBe("trigger");
    expect((await eventsOf(team.project.id)).length).toBe(before);
    expect((await api.get(`/api/v1/tasks/${task.key}`, { token: team.member.token })).body).toMatchObject({ version: 1, seriesId: null });
    expectProblem(await api.get(rec(task.key), { token: team.member.token }), 404);
  });

  it("sets a weekly rule: next three dates, ETag, the task marked as recurring, refused to the wrong users", async () => {
    const task = await createTestTask(team.project, team.member, { dueDate: "2030-01-07", startDate: "2030-01-05" });
    expectProblem(await api.put(rec(task.key), { rule: "FREQ=WEEKLY;BYDAY=MO" }, { token: team.viewer.token }), 403);
    expectProblem(await api.put(rec(task.key), { rule: "FREQ=WEEKLY;BYDAY=MO" }, { token: team.stranger.token }), 404);
    const res = await api.put(rec(task.key), { rule: "rrule:freq=weekly;byday=mo" }, { token: team.member.token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      rule: "FREQ=WEEKLY;BYDAY=MO",
      trigger: "on_complete",
      description: "every week on Monday",
      startsOn: "2030-01-07",
      occurrence: { index: 1, date: "2030-01-07" },
      nextDates: ["2030-01-14", "2030-01-21", "2030-01-28"],
      version: 1,
    });
    expect(res.headers.get("etag")).toBe('"1"');
    const read = await api.get(`/api/v1/tasks/${task.key}`, { token: team.member.token });
    expect(read.body).toMatchObject({ seriesId: res.body.seriesId, version: 2 });
    expect((await api.get(rec(task.key), { token: team.viewer.token })).body.nextDates).toHaveLength(3);
    expectProblem(await api.get(rec(task.key), { token: team.stranger.token }), 404);
    const last = (await eventsOf(team.project.id)).at(-1)!;
    expect(last.data.changes).toEqual([{ field: "recurrence", from: null, to: "FREQ=WEEKLY;BYDAY=MO" }]);
    expectProblem(await api.put(rec(task.key), { rule: "FREQ=DAILY" }, { token: team.member.token, headers: { "if-match": '"7"' } }), 412);
    const monthly = await api.put(
      rec(task.key),
      { rule: "FREQ=MONTHLY;BYDAY=2TU" },
      { token: team.member.token, headers: { "if-match": '"1"' } },
    );
    expect(monthly.body).toMatchObject({ version: 2, nextDates: ["2030-01-08", "2030-02-12", "2030-03-12"] });
    expectProblem(await api.delete(rec(task.key), { token: team.viewer.token }), 403);
    expect((await api.delete(rec(task.key), { token: team.member.token })).status).toBe(204);
    expect((await api.get(`/api/v1/tasks/${task.key}`, { token: team.member.token })).body.seriesId).toBeNull();
    expectProblem(await api.get(rec(task.key), { token: team.member.token }), 404);
  });

  it("on_schedule: the occurrence appears on its date with the same fields, fresh status, moved dates; COUNT ends the series", async () => {
    const done = team.project.statuses.find((s) => s.category === "completed")!;
    const task = await createTestTask(team.project, team.member, {
      title: "Water the plants",
      priority: "high",
      estimate: 2,
      assigneeIds: [team.member.id],
      dueDate: "2031-03-03",
      startDate: "2031-03-02",
      statusId: done.id,
    });
    const set = await api.put(
      rec(task.key),
      { rule: "FREQ=DAILY;INTERVAL=2;COUNT=3", trigger: "on_schedule" },
      { token: team.member.token },
    );
    expect(set.body.nextDates).toEqual(["2031-03-05", "2031-03-07"]);
    expect(await createScheduledOccurrences(new Date("2031-03-04T12:00:00Z"))).toBe(0);
    await createScheduledOccurrences(new Date("2031-03-05T12:00:00Z"));
    await createScheduledOccurrences(new Date("2031-03-05T13:00:00Z"));
    let all = await seriesTasks(set.body.seriesId);
    expect(all.map((t) => [t.occurrenceIndex, t.dueDate, t.startDate])).toEqual([
      [1, "2031-03-03", "2031-03-02"],
      [2, "2031-03-05", "2031-03-04"],
    ]);
    const second = (await api.get(`/api/v1/tasks/${all[1]!.id}`, { token: team.member.token })).body;
    expect(second).toMatchObject({
      title: "Water the plants",
      priority: "high",
      estimate: 2,
      status: { id: team.project.defaultStatus.id },
    });
    expect(second.assignees.map((a: { id: string }) => a.id)).toEqual([team.member.id]);
    await createScheduledOccurrences(new Date("2031-03-20T12:00:00Z"));
    await createScheduledOccurrences(new Date("2031-04-20T12:00:00Z"));
    all = await seriesTasks(set.body.seriesId);
    expect(all.map((t) => t.occurrenceDate)).toEqual(["2031-03-03", "2031-03-05", "2031-03-07"]);
    expect((await api.get(rec(all[2]!.id), { token: team.member.token })).body.nextDates).toEqual([]);
  });

  it("UNTIL ends the series; missed dates are skipped, the latest reached one is created", async () => {
    const task = await createTestTask(team.project, team.member, { dueDate: "2032-01-05" });
    const set = await api.put(rec(task.key), { rule: "FREQ=WEEKLY;UNTIL=20320126", trigger: "on_schedule" }, { token: team.member.token });
    expect(set.body.nextDates).toEqual(["2032-01-12", "2032-01-19", "2032-01-26"]);
    await createScheduledOccurrences(new Date("2032-01-20T12:00:00Z"));
    await createScheduledOccurrences(new Date("2032-03-01T12:00:00Z"));
    await createScheduledOccurrences(new Date("2032-06-01T12:00:00Z"));
    expect((await seriesTasks(set.body.seriesId)).map((t) => [t.occurrenceIndex, t.dueDate])).toEqual([
      [1, "2032-01-05"],
      [2, "2032-01-19"],
      [3, "2032-01-26"],
    ]);
  });

  it("scope=this changes one occurrence; scope=future changes the series and the later ones", async () => {
    const task = await createTestTask(team.project, team.member, { title: "Standup notes", dueDate: "2033-01-03" });
    const set = await api.put(rec(task.key), { rule: "FREQ=DAILY", trigger: "on_schedule" }, { token: team.member.token });
    await createScheduledOccurrences(new Date("2033-01-04T12:00:00Z"));
    const [first, second] = await seriesTasks(set.body.seriesId);
    const patch = (id: string, body: object, scope?: string) =>
      api.patch(`/api/v1/tasks/${id}${scope ? `?scope=${scope}` : ""}`, body, { token: team.member.token });
    expect((await patch(second!.id, { title: "Only this one" }, "this")).status).toBe(200);
    const future = await patch(first!.id, { title: "Daily notes", priority: "low" }, "future");
    expect(future.body).toMatchObject({ title: "Daily notes", priority: "low" });
    expect((await api.get(`/api/v1/tasks/${second!.id}`, { token: team.member.token })).body).toMatchObject({
      title: "Daily notes",
      priority: "low",
    });
    expectProblem(await patch(first!.id, { title: "x" }, "forever"), 422);
    expectProblem(await api.patch(`/api/v1/tasks/${first!.id}?scope=future`, { title: "x" }, { token: team.viewer.token }), 403);
    await createScheduledOccurrences(new Date("2033-01-05T12:00:00Z"));
    const third = (await seriesTasks(set.body.seriesId))[2]!;
    expect(third).toMatchObject({ title: "Daily notes", priority: 1, occurrenceDate: "2033-01-05" });
    const [series] = await (await database()).select().from(taskSeries).where(eq(taskSeries.id, set.body.seriesId));
    expect(series!.template.title).toBe("Daily notes");
    const plain = await createTestTask(team.project, team.member);
    const refused = await patch(plain.key, { title: "y" }, "future");
    expectProblem(refused, 422);
    expect(refused.body.errors[0].path).toBe("scope");
    expect((await api.get(`/api/v1/tasks/${plain.key}`, { token: team.member.token })).body.title).toBe("A task");
  });

  it("the task view's \"apply to future occurrences\" spreads this occurrence's details; a stale version is 412", async () => {
    const task = await createTestTask(team.project, team.member, { title: "Backup", dueDate: "2034-02-01" });
    const set = await api.put(rec(task.key), { rule: "FREQ=DAILY", trigger: "on_schedule" }, { token: team.member.token });
    await createScheduledOccurrences(new Date("2034-02-03T12:00:00Z"));
    const [first, later] = await seriesTasks(set.body.seriesId);
    const edited = await api.patch(`/api/v1/tasks/${first!.id}`, { title: "Backup and verify", estimate: 3 }, { token: team.member.token });
    expect(edited.status).toBe(200);
    expect((await api.get(`/api/v1/tasks/${later!.id}`, { token: team.member.token })).body.title).toBe("Backup"); // this one only
    const as = (userId: string) => createContext({ kind: "user", userId, tokenId: "server-action", via: "cookie" });
    const stale = applyToFutureOccurrences({ ctx: as(team.member.id), ref: first!.id, ifMatch: edited.body.version - 1 });
    await expect(stale).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(applyToFutureOccurrences({ ctx: as(team.viewer.id), ref: first!.id, ifMatch: edited.body.version })).rejects.toMatchObject(
      {
        code: "FORBIDDEN",
      },
    );
    await applyToFutureOccurrences({ ctx: as(team.member.id), ref: first!.id, ifMatch: edited.body.version });
    expect((await api.get(`/api/v1/tasks/${later!.id}`, { token: team.member.token })).body).toMatchObject({
      title: "Backup and verify",
      estimate: 3,
    });
  });
});
