import { beforeAll, describe, expect, it } from "vitest";
import { database } from "@/db/client";
import { api } from "../helpers/app";
import { expectProblem } from "../helpers/factories";
import { createProjectCast, createTestProject, type ProjectCast } from "../helpers/projects";
import { createTestTask } from "../helpers/tasks";

// GET /api/v1/projects/{projectId}/schedule: what the timeline and the calendar read.
let cast: ProjectCast;
beforeAll(async () => {
  await database();
  cast = await createProjectCast("private");
}, 120_000);

const titles = (list: { title: string }[]) => list.map((t) => t.title);

describe("GET /projects/{projectId}/schedule", () => {
  it("answers the tasks whose dates touch the window, earliest first, their dependencies, and the undated tasks", async () => {
    const { project, owner } = await createTestProject();
    const span = await createTestTask(project, owner, { title: "span", startDate: "2027-02-25", dueDate: "2027-03-05" });
    const due = await createTestTask(project, owner, { title: "due only", dueDate: "2027-03-10", priority: "urgent" });
    await createTestTask(project, owner, { title: "start only", startDate: "2027-03-31" });
    await createTestTask(project, owner, { title: "before", startDate: "2027-01-01", dueDate: "2027-02-28" });
    await createTestTask(project, owner, { title: "after", dueDate: "2027-04-01" });
    await createTestTask(project, owner, { title: "no dates 1" });
    await createTestTask(project, owner, { title: "no dates 2" });
    const dep = await api.post(`/api/v1/tasks/${due.id}/dependencies`, { blockedBy: span.id }, { token: owner.token });
    expect(dep.status, JSON.stringify(dep.body)).toBeLessThan(300);

    const res = await api.get(`/api/v1/projects/${project.id}/schedule?from=2027-03-01&to=2027-03-31`, { token: owner.token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ from: "2027-03-01", to: "2027-03-31", truncated: false, undatedCount: 2 });
    expect(titles(res.body.tasks)).toEqual(["span", "due only", "start only"]);
    expect(titles(res.body.undated)).toEqual(["no dates 1", "no dates 2"]);
    expect(res.body.dependencies).toEqual([{ taskId: due.id, blockedById: span.id }]);
    // Each task is shaped exactly as everywhere else in the API.
    const one = await api.get(`/api/v1/tasks/${span.id}`, { token: owner.token });
    expect(res.body.tasks[0]).toEqual(one.body);

    // The task list's filters apply to both the window and the undated tasks.
    const urgent = await api.get(`/api/v1/projects/${project.id}/schedule?from=2027-03-01&to=2027-03-31&priority=urgent`, {
      token: owner.token,
    });
    expect(titles(urgent.body.tasks)).toEqual(["due only"]);
    expect(urgent.body).toMatchObject({ dependencies: [], undated: [], undatedCount: 0 });
  });

  it("refuses the wrong user with 404 and no credentials with 401; viewers read it", async () => {
    const path = `/api/v1/projects/${cast.project.id}/schedule?from=2027-01-01&to=2027-01-31`;
    for (const u of [cast.outsider, cast.guest, cast.stranger]) expectProblem(await api.get(path, { token: u.token }), 404);
    expectProblem(await api.get(path), 401);
    expect((await api.get(path, { token: cast.viewer.token })).status).toBe(200);
  });

  it("answers a bad window or filter with 422 problem+json", async () => {
    for (const q of [
      "",
      "from=2027-01-01",
      "to=2027-01-01",
      "from=2027-02-01&to=2027-01-01",
      "from=2027-01-01&to=2029-01-01",
      "from=x&to=y",
    ]) {
      const res = await api.get(`/api/v1/projects/${cast.project.id}/schedule?${q}`, { token: cast.owner.token });
      expectProblem(res, 422);
      expect(res.body.errors.length, q).toBeGreaterThan(0);
    }
    const bad = await api.get(`/api/v1/projects/${cast.project.id}/schedule?from=2027-01-01&to=2027-01-31&priority=extreme`, {
      token: cast.owner.token,
    });
    expectProblem(bad, 422);
  });
});
