import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/app";
import { expectIdsAndTimes, expectStatus, ISO_UTC, UUID } from "../helpers/contract";
import {
  addToWorkspace,
  createTestWorkspace,
  createUser,
  expectProblem,
  PASSWORD,
  randomIp,
  unique,
  type TestUser,
} from "../helpers/factories";
import { addToProject, createTestProject } from "../helpers/projects";
import { waitFor } from "../helpers/realtime";
import { createTestTask } from "../helpers/tasks";

// Contract, "Notifications" and "Webhooks" (the "events" engineer's area), read from outside.
// WEBHOOK_ALLOW_PRIVATE is unset (the default): private targets are refused.
delete process.env.WEBHOOK_ALLOW_PRIVATE;

let stop: (() => Promise<void>) | undefined;
beforeAll(async () => {
  const { startBackgroundWork } = await import("@/startup/workers");
  stop = (await startBackgroundWork()).stop;
});
afterAll(async () => stop?.());

/** A user whose name has a space (createUser derives the email from the name). */
async function register(name: string): Promise<TestUser> {
  const email = `${unique("named")}@example.test`;
  const ip = randomIp();
  const reg = await api.post("/api/v1/auth/register", { name, email, password: PASSWORD }, { ip });
  expectStatus(reg, 201);
  const login = await api.post("/api/v1/auth/login", { email, password: PASSWORD }, { ip });
  return { id: reg.body.user.id, email, name, token: login.body.token, ip };
}

const inbox = async (u: TestUser, query = "") => (await api.get(`/api/v1/notifications${query}`, { token: u.token })).body;

describe("notifications", () => {
  it("GET /notifications → { data: [{ id, type, task?, project?, actor?, readAt, createdAt }], nextCursor }; never the actor", async () => {
    const { ws, project, owner } = await createTestProject();
    const ann = await createUser();
    await addToWorkspace(ws, ann, "member");
    const task = await createTestTask(project, owner, { title: "For Ann", assigneeIds: [ann.id, owner.id] });
    await waitFor(async () => (await inbox(ann)).data.length === 1, "ann's notification");
    const page = await inbox(ann);
    expect(page.nextCursor).toBeNull();
    const n = page.data[0];
    expect(n).toMatchObject({
      id: expect.stringMatching(UUID),
      type: "task.assigned",
      task: { id: task.id, key: task.key, title: "For Ann" },
      project: { id: project.id, key: project.key, name: project.name },
      workspace: { id: ws.id, slug: ws.slug },
      actor: { id: owner.id, name: owner.name },
      readAt: null,
      createdAt: expect.stringMatching(ISO_UTC),
    });
    expectIdsAndTimes(n);
    expect((await inbox(owner)).data).toEqual([]);
  });

  it("unread=true; POST …/{id}/read → 200 or 204; POST read-all; another user's notification → 404", async () => {
    const { ws, project, owner } = await createTestProject();
    const ann = await createUser();
    await addToWorkspace(ws, ann, "member");
    await createTestTask(project, owner, { assigneeIds: [ann.id] });
    await createTestTask(project, owner, { assigneeIds: [ann.id] });
    await waitFor(async () => (await inbox(ann)).data.length === 2, "two notifications");
    const [first] = (await inbox(ann)).data;
    expectProblem(await api.post(`/api/v1/notifications/${first.id}/read`, undefined, { token: owner.token }), 404);
    const read = await api.post(`/api/v1/notifications/${first.id}/read`, undefined, { token: ann.token });
    expect([200, 204]).toContain(read.status);
    const unread = await inbox(ann, "?unread=true");
    expect(unread.data.map((x: { id: string }) => x.id)).not.toContain(first.id);
    expect(unread.data).toHaveLength(1);
    expect((await inbox(ann)).data.find((x: { id: string }) => x.id === first.id).readAt).toMatch(ISO_UTC);
    expect([200, 204]).toContain((await api.post("/api/v1/notifications/read-all", undefined, { token: ann.token })).status);
    expect((await inbox(ann, "?unread=true")).data).toEqual([]);
  });

  it("@name matches a project member by name without spaces or by email local part, case-insensitively", async () => {
    const { ws, project, owner } = await createTestProject();
    const grace = await register("Grace Hopper");
    const alan = await createUser();
    for (const u of [grace, alan]) {
      await addToWorkspace(ws, u, "member");
      await addToProject(ws, project.id, u, "member");
    }
    const task = await createTestTask(project, owner);
    const byEmail = alan.email.split("@")[0]!.toUpperCase();
    await api.post(`/api/v1/tasks/${task.id}/comments`, { body: `ping @gracehopper and @${byEmail}` }, { token: owner.token });
    for (const u of [grace, alan])
      await waitFor(async () => (await inbox(u)).data.some((x: { type: string }) => x.type === "task.mentioned"), `${u.name} mentioned`);
  });
});

describe("notification preferences", () => {
  it("GET → every event type { inApp, email }; defaults in-app on for all, email on for assigned, mentioned and due_soon", async () => {
    const u = await createUser();
    const res = await api.get("/api/v1/me/notification-preferences", { token: u.token });
    expectStatus(res, 200);
    expect(res.body).toEqual({
      "task.assigned": { inApp: true, email: true },
      "task.status_changed": { inApp: true, email: false },
      "task.commented": { inApp: true, email: false },
      "task.mentioned": { inApp: true, email: true },
      "task.due_soon": { inApp: true, email: true },
      "project.member_added": { inApp: true, email: false },
    });
  });

  it("PUT merges the types it names; an unknown type → 422", async () => {
    const u = await createUser();
    const res = await api.put(
      "/api/v1/me/notification-preferences",
      { "task.commented": { inApp: false, email: true } },
      { token: u.token },
    );
    expectStatus(res, 200);
    expect(res.body["task.commented"]).toEqual({ inApp: false, email: true });
    expect(res.body["task.assigned"]).toEqual({ inApp: true, email: true });
    const again = await api.put(
      "/api/v1/me/notification-preferences",
      { "task.assigned": { inApp: true, email: false } },
      { token: u.token },
    );
    expect(again.body["task.commented"]).toEqual({ inApp: false, email: true });
    expect(again.body["task.assigned"]).toEqual({ inApp: true, email: false });
    expectProblem(
      await api.put("/api/v1/me/notification-preferences", { "task.exploded": { inApp: true, email: true } }, { token: u.token }),
      422,
    );
    expectProblem(await api.put("/api/v1/me/notification-preferences", { "task.assigned": { inApp: "yes" } }, { token: u.token }), 422);
  });
});

describe("webhooks", () => {
  it("owners and admins: POST { url, events } → 201 { id, url, events, secret } with a generated secret shown once; members 403", async () => {
    const ws = await createTestWorkspace();
    const [admin, member] = [await createUser(), await createUser()];
    await addToWorkspace(ws, admin, "admin");
    await addToWorkspace(ws, member, "member");
    const base = `/api/v1/workspaces/${ws.slug}/webhooks`;
    const res = await api.post(
      base,
      { url: "https://93.184.215.14/hook", events: ["task.created", "comment.created"] },
      { token: admin.token },
    );
    expectStatus(res, 201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(UUID),
      url: "https://93.184.215.14/hook",
      events: ["task.created", "comment.created"],
      secret: expect.any(String),
    });
    expect(res.body.secret.length).toBeGreaterThanOrEqual(16);
    const given = await api.post(
      base,
      { url: "https://93.184.215.14/two", events: ["task.updated"], secret: "my-own-secret-0123456789" },
      { token: ws.owner.token },
    );
    expect(given.body.secret).toBe("my-own-secret-0123456789");
    const list = await api.get(base, { token: ws.owner.token });
    expectStatus(list, 200);
    expect(JSON.stringify(list.body)).not.toContain(res.body.secret);
    expect(JSON.stringify(list.body)).not.toContain("my-own-secret-0123456789");
    expectProblem(await api.get(base, { token: member.token }), 403);
    expectProblem(await api.post(base, { url: "https://93.184.215.14/x", events: ["task.created"] }, { token: member.token }), 403);
    const deliveries = await api.get(`${base}/${res.body.id}/deliveries`, { token: admin.token });
    expectStatus(deliveries, 200);
    expect(deliveries.body).toEqual({ data: [], nextCursor: null });
    expectStatus(await api.delete(`${base}/${res.body.id}`, { token: admin.token }), 204);
    expectProblem(await api.get(`${base}/${res.body.id}/deliveries`, { token: admin.token }), 404);
  });

  it("URLs that resolve to loopback, private or link-local addresses → 422", async () => {
    const ws = await createTestWorkspace();
    for (const url of [
      "http://127.0.0.1/x",
      "http://localhost:3000/x",
      "http://10.0.0.8/x",
      "http://172.20.1.1/x",
      "http://192.168.1.1/x",
      "http://169.254.169.254/",
      "http://[::1]/x",
      "http://[fd00::1]/x",
    ]) {
      const res = await api.post(`/api/v1/workspaces/${ws.slug}/webhooks`, { url, events: ["task.created"] }, { token: ws.owner.token });
      expectProblem(res, 422);
      expect(res.body.errors?.[0]?.path, url).toBe("url");
    }
    expectProblem(
      await api.post(`/api/v1/workspaces/${ws.slug}/webhooks`, { url: "https://93.184.215.14/x", events: [] }, { token: ws.owner.token }),
      422,
    );
    expectProblem(
      await api.post(
        `/api/v1/workspaces/${ws.slug}/webhooks`,
        { url: "ftp://93.184.215.14/x", events: ["task.created"] },
        { token: ws.owner.token },
      ),
      422,
    );
  });

  it("retries: the first within 30 s, at least 5 attempts (the defaults)", async () => {
    const { parseSettings } = await import("@/config/settings");
    const s = parseSettings({ DATA_DIR: process.env.DATA_DIR, AUTH_SECRET: "x".repeat(40) });
    expect(s.WEBHOOK_RETRY_BASE_MS * 1.2).toBeLessThanOrEqual(30_000);
    expect(s.WEBHOOK_MAX_ATTEMPTS).toBeGreaterThanOrEqual(5);
    expect(s.WEBHOOK_ALLOW_PRIVATE).toBe(false);
    expect(s.REALTIME_URL).toBe("http://localhost:3001");
  });
});
