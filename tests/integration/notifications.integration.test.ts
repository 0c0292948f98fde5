import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/app";
import { addToWorkspace, createUser, expectProblem, type TestUser } from "../helpers/factories";
import { addToProject, createTestProject, type TestProject } from "../helpers/projects";
import { waitFor } from "../helpers/realtime";
import { createTestTask } from "../helpers/tasks";

// The dispatcher runs in this process (no realtime sink: in-app rows and email jobs only).
let stop: () => Promise<void>;
beforeAll(async () => {
  const { startBackgroundWork } = await import("@/startup/workers");
  stop = (await startBackgroundWork()).stop;
});
afterAll(async () => stop?.());

const inbox = async (u: TestUser, query = "") => (await api.get(`/api/v1/notifications${query}`, { token: u.token })).body;
const typesOf = async (u: TestUser) => ((await inbox(u)).data as { type: string }[]).map((n) => n.type).sort();

async function team() {
  const { ws, project, owner } = await createTestProject();
  const people = await Promise.all([createUser(), createUser(), createUser(), createUser()]);
  for (const p of people) await addToWorkspace(ws, p, "member");
  const [ann, bob, cat, dan] = people as [TestUser, TestUser, TestUser, TestUser];
  return { ws, project, owner, ann, bob, cat, dan };
}

describe("notification recipients", () => {
  let t: Awaited<ReturnType<typeof team>>;
  let project: TestProject;
  beforeAll(async () => {
    t = await team();
    project = t.project;
  });

  it("task.assigned goes to the newly assigned only, never the actor", async () => {
    const task = await createTestTask(project, t.owner, { title: "Assign me", assigneeIds: [t.ann.id, t.owner.id] });
    await waitFor(async () => (await inbox(t.ann)).data.length === 1, "ann's notification");
    const [n] = (await inbox(t.ann)).data;
    expect(n).toMatchObject({
      type: "task.assigned",
      task: { id: task.id, key: task.key, title: "Assign me" },
      project: { id: project.id, key: project.key },
      actor: { id: t.owner.id, name: t.owner.name },
      readAt: null,
    });
    expect(n.message).toContain(task.key);

    const res = await api.patch(`/api/v1/tasks/${task.key}`, { assigneeIds: [t.ann.id, t.bob.id, t.owner.id] }, { token: t.owner.token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await waitFor(async () => (await inbox(t.bob)).data.length === 1, "bob's notification");
    expect(await typesOf(t.ann)).toEqual(["task.assigned"]); // not again
    expect(await typesOf(t.owner)).toEqual([]);
  });

  it("status changes reach assignees, watchers and the reporter; comments and mentions likewise", async () => {
    // Reporter: cat (she creates it), assignee: ann, watcher: dan; bob acts.
    const task = await createTestTask(project, t.cat, { title: "Flow", assigneeIds: [t.ann.id] });
    expect((await api.post(`/api/v1/tasks/${task.key}/watchers`, undefined, { token: t.dan.token })).status).toBe(204);
    const done = project.statuses.find((s) => s.category === "completed")!;
    expect((await api.patch(`/api/v1/tasks/${task.key}`, { statusId: done.id }, { token: t.bob.token })).status).toBe(200);
    for (const u of [t.ann, t.cat, t.dan]) {
      await waitFor(
        async () =>
          (await inbox(u)).data.some(
            (n: { type: string; task?: { id: string } }) => n.type === "task.status_changed" && n.task?.id === task.id,
          ),
        `status_changed for ${u.name}`,
      );
    }
    expect((await inbox(t.bob)).data.filter((n: { task?: { id: string } }) => n.task?.id === task.id)).toEqual([]);

    // Bob mentions dan (a watcher: he hears once, as mentioned); ann and cat hear "commented".
    const localPart = t.dan.email.split("@")[0];
    const c = await api.post(`/api/v1/tasks/${task.key}/comments`, { body: `Looks done, @${localPart}?` }, { token: t.bob.token });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const about = (n: { task?: { id: string } }) => n.task?.id === task.id;
    await waitFor(async () => (await inbox(t.dan)).data.some((n: { type: string }) => n.type === "task.mentioned"), "dan's mention");
    for (const u of [t.ann, t.cat])
      await waitFor(async () => (await inbox(u)).data.some((n: { type: string }) => n.type === "task.commented"), `${u.name} commented`);
    expect(
      (await inbox(t.dan)).data
        .filter(about)
        .map((n: { type: string }) => n.type)
        .sort(),
    ).toEqual(["task.mentioned", "task.status_changed"]);
    expect((await inbox(t.bob)).data.filter(about)).toEqual([]);
  });

  it("moving tasks off a deleted status is a status change: followers hear task.status_changed", async () => {
    // The event used to carry `{ ...task, changes: { status } }`, which the consumer could not read,
    // so nobody heard of it; it now records the catalog's `{ task, changes: [{ field: "status" }] }`.
    const { project: p, owner, ws } = await createTestProject();
    const [ann, dan] = [await createUser(), await createUser()];
    for (const u of [ann, dan]) await addToWorkspace(ws, u, "member");
    const progress = p.statuses.find((s) => s.name === "In Progress")!;
    const done = p.statuses.find((s) => s.name === "Done")!;
    const task = await createTestTask(p, owner, { title: "Moved", statusId: progress.id, assigneeIds: [ann.id] });
    expect((await api.post(`/api/v1/tasks/${task.key}/watchers`, undefined, { token: dan.token })).status).toBe(204);
    await waitFor(async () => (await inbox(ann)).data.length === 1, "ann's assignment");

    const res = await api.delete(`/api/v1/projects/${p.id}/statuses/${progress.id}?moveTo=${done.id}`, { token: owner.token });
    expect(res.status, JSON.stringify(res.body)).toBe(204);
    for (const u of [ann, dan]) {
      const n = await waitFor(
        async () => (await inbox(u)).data.find((x: { type: string }) => x.type === "task.status_changed"),
        `${u.name}'s status change`,
      );
      expect(n).toMatchObject({
        task: { id: task.id, key: task.key },
        actor: { id: owner.id },
        message: `${owner.name} moved ${task.key} to Done`,
      });
    }
    expect((await inbox(owner)).data).toEqual([]); // never the actor
  });

  it("project.member_added tells the person added", async () => {
    const eve = await createUser();
    await addToWorkspace(t.ws, eve, "member");
    const res = await api.post(`/api/v1/projects/${project.id}/members`, { userId: eve.id, role: "member" }, { token: t.owner.token });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await waitFor(async () => (await inbox(eve)).data.some((n: { type: string }) => n.type === "project.member_added"), "member_added");
    expect((await inbox(eve)).data[0]).toMatchObject({ project: { id: project.id, name: project.name }, actor: { id: t.owner.id } });
  });

  it("never notifies someone who can no longer see the project", async () => {
    const { ws, project: secret, owner } = await createTestProject(undefined, { visibility: "private" });
    const [ann, zed] = [await createUser(), await createUser()];
    for (const u of [ann, zed]) {
      await addToWorkspace(ws, u, "member");
      await addToProject(ws, secret.id, u, "member");
    }
    const task = await createTestTask(secret, owner, { title: "hidden", assigneeIds: [ann.id] });
    await waitFor(async () => (await inbox(ann)).data.some((n: { task?: { id: string } }) => n.task?.id === task.id), "the assignment");
    expect((await api.delete(`/api/v1/projects/${secret.id}/members/${ann.id}`, { token: owner.token })).status).toBe(204);
    const done = secret.statuses.find((s) => s.category === "completed")!;
    expect((await api.patch(`/api/v1/tasks/${task.key}`, { statusId: done.id }, { token: owner.token })).status).toBe(200);
    // One project's events are handled in order: once zed hears of a later one, the status change was handled.
    const marker = await createTestTask(secret, owner, { title: "marker", assigneeIds: [zed.id] });
    await waitFor(async () => (await inbox(zed)).data.some((n: { task?: { id: string } }) => n.task?.id === marker.id), "the marker");
    expect((await inbox(ann)).data.map((n: { type: string }) => n.type).sort()).toEqual(["project.member_added", "task.assigned"]);
  });
});

describe("inbox", () => {
  it("lists newest first with keyset pages, filters unread, marks read one and all; strangers are refused", async () => {
    const t = await team();
    for (let i = 0; i < 3; i++) await createTestTask(t.project, t.owner, { title: `n${i}`, assigneeIds: [t.ann.id] });
    await waitFor(async () => (await inbox(t.ann)).data.length === 3, "three notifications");
    const first = await inbox(t.ann, "?limit=2");
    expect(first.data.map((n: { task: { title: string } }) => n.task.title)).toEqual(["n2", "n1"]);
    const second = await inbox(t.ann, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.data.map((n: { task: { title: string } }) => n.task.title)).toEqual(["n0"]);
    expect(second.nextCursor).toBeNull();
    expectProblem(await api.get("/api/v1/notifications?cursor=garbage", { token: t.ann.token }), 400);
    expectProblem(await api.get("/api/v1/notifications?limit=0", { token: t.ann.token }), 422);
    expectProblem(await api.get("/api/v1/notifications"), 401);

    const target = first.data[0];
    expectProblem(await api.post(`/api/v1/notifications/${target.id}/read`, undefined, { token: t.bob.token }), 404);
    expect((await api.get("/api/v1/notifications/unread-count", { token: t.ann.token })).body).toEqual({ count: 3 });
    const read = await api.post(`/api/v1/notifications/${target.id}/read`, undefined, { token: t.ann.token });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: target.id, readAt: expect.any(String) });
    const again = await api.post(`/api/v1/notifications/${target.id}/read`, undefined, { token: t.ann.token });
    expect(again.body.readAt).toBe(read.body.readAt);
    expect((await inbox(t.ann, "?unread=true")).data.map((n: { id: string }) => n.id)).not.toContain(target.id);

    expect((await api.post("/api/v1/notifications/read-all", undefined, { token: t.bob.token })).body).toEqual({ updated: 0 });
    expect((await api.get("/api/v1/notifications/unread-count", { token: t.ann.token })).body).toEqual({ count: 2 });
    expect((await api.post("/api/v1/notifications/read-all", undefined, { token: t.ann.token })).body).toEqual({ updated: 2 });
    expect((await inbox(t.ann, "?unread=true")).data).toEqual([]);
    expectProblem(await api.post("/api/v1/notifications/not-a-uuid/read", undefined, { token: t.ann.token }), 404);
  });
});

describe("preferences", () => {
  it("defaults, merges on PUT, validates, and decides the channels", async () => {
    const t = await team();
    const prefs = (await api.get("/api/v1/me/notification-preferences", { token: t.ann.token })).body;
    expect(prefs).toEqual({
      "task.assigned": { inApp: true, email: true },
      "task.status_changed": { inApp: true, email: false },
      "task.commented": { inApp: true, email: false },
      "task.mentioned": { inApp: true, email: true },
      "task.due_soon": { inApp: true, email: true },
      "project.member_added": { inApp: true, email: false },
    });
    const put = await api.put(
      "/api/v1/me/notification-preferences",
      { "task.assigned": { inApp: false }, "task.commented": { email: true } },
      { token: t.ann.token },
    );
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body["task.assigned"]).toEqual({ inApp: false, email: true });
    expect(put.body["task.commented"]).toEqual({ inApp: true, email: true });
    expect(put.body["task.mentioned"]).toEqual({ inApp: true, email: true });
    const second = await api.put("/api/v1/me/notification-preferences", { "task.due_soon": { email: false } }, { token: t.ann.token });
    expect(second.body["task.assigned"]).toEqual({ inApp: false, email: true }); // kept
    expectProblem(await api.put("/api/v1/me/notification-preferences", { "task.exploded": { email: true } }, { token: t.ann.token }), 422);
    expectProblem(await api.put("/api/v1/me/notification-preferences", { "task.assigned": { email: "yes" } }, { token: t.ann.token }), 422);
    expectProblem(await api.put("/api/v1/me/notification-preferences", {}, { token: t.ann.token }), 422);
    expect((await api.get("/api/v1/me/notification-preferences", { token: t.bob.token })).body["task.assigned"]).toEqual({
      inApp: true,
      email: true,
    });

    // In-app off for assigned: ann gets no inbox row (but an email job); bob gets both.
    const task = await createTestTask(t.project, t.owner, { title: "prefs", assigneeIds: [t.ann.id, t.bob.id] });
    await waitFor(async () => (await inbox(t.bob)).data.length === 1, "bob's row");
    const { listMailbox } = await import("@/server/email");
    // Sign-up's verification email is in the mailbox too: count the others.
    const mailOf = async (email: string) => (await listMailbox(email)).filter((m) => !m.subject.startsWith("Verify your email"));
    await waitFor(async () => (await mailOf(t.ann.email)).length === 1, "ann's email");
    expect((await inbox(t.ann)).data).toEqual([]);
    const [mail] = await mailOf(t.ann.email);
    expect(mail!.text).toContain(`/w/${t.ws.slug}/t/${task.key}`);
    expect(mail!.html).toContain(`/w/${t.ws.slug}/t/${task.key}`);
  });
});

describe("due-soon reminders", () => {
  it("reminds assignees of open tasks due soon, once per task and due date", async () => {
    const t = await team();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const due = await createTestTask(t.project, t.owner, { title: "due", dueDate: tomorrow, assigneeIds: [t.ann.id] });
    await createTestTask(t.project, t.owner, { title: "not yet", dueDate: later, assigneeIds: [t.ann.id] });
    const done = t.project.statuses.find((s) => s.category === "completed")!;
    await createTestTask(t.project, t.owner, { title: "finished", dueDate: tomorrow, statusId: done.id, assigneeIds: [t.ann.id] });
    await waitFor(async () => (await inbox(t.ann)).data.length === 3, "assignment rows");
    const { remindDueSoon } = await import("@/server/notifications/due-soon");
    await remindDueSoon();
    await remindDueSoon();
    const reminders = (await inbox(t.ann)).data.filter((n: { type: string }) => n.type === "task.due_soon");
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ task: { id: due.id, key: due.key } });
    expect(reminders[0].actor).toBeUndefined();
  });
});
