import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/app";
import { addToWorkspace, createUser, type TestUser } from "../helpers/factories";
import { createTestProject, type TestProject } from "../helpers/projects";
import { connectClient, connected, connectOutcome, subscribe, waitFor, type TestClient } from "../helpers/realtime";
import { createTestTask, eventsOf } from "../helpers/tasks";

// The embedded default: Socket.IO and the dispatcher inside this process, no Redis.
delete process.env.REDIS_URL;

let url: string;
let stop: () => Promise<void>;
const clients: TestClient[] = [];
const client = (token?: string) => {
  const c = connectClient(url, token ? { token } : {}, { reconnection: false });
  clients.push(c);
  return c;
};

beforeAll(async () => {
  const { startLiveServices } = await import("@/startup/live");
  const live = await startLiveServices({ realtimePort: 0 });
  url = `http://127.0.0.1:${live.realtimePort}`;
  stop = () => live.stop();
});

afterAll(async () => {
  for (const c of clients) c.close();
  await stop?.();
});

describe("realtime (embedded)", () => {
  let owner: TestUser;
  let project: TestProject;
  beforeAll(async () => {
    ({ owner, project } = await createTestProject());
  });

  it("refuses a handshake without a valid token", async () => {
    expect(await connectOutcome(client())).toBe("unauthorized");
    expect(await connectOutcome(client("tls_not-a-real-token"))).toBe("unauthorized");
    const res = await fetch(`${url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
  });

  it("accepts the browser's session cookie instead of a token", async () => {
    const { encode } = await import("next-auth/jwt");
    const jwt = await encode({ token: { sessionToken: owner.token }, secret: process.env.AUTH_SECRET!, salt: "authjs.session-token" });
    const c = connectClient(url, {}, { reconnection: false, cookie: `authjs.session-token=${jwt}` });
    clients.push(c);
    expect(await connectOutcome(c)).toBeNull();
    expect(await subscribe(c, { projectId: project.id })).toMatchObject({ ok: true });
    const forged = connectClient(url, {}, { reconnection: false, cookie: "authjs.session-token=forged" });
    clients.push(forged);
    expect(await connectOutcome(forged)).toBe("unauthorized");
  });

  it("refuses to subscribe to a project the caller cannot see, or to nonsense", async () => {
    const stranger = await createUser();
    const c = client(stranger.token);
    await connected(c);
    expect(await subscribe(c, { projectId: project.id })).toMatchObject({ ok: false, error: "not_found" });
    expect(await subscribe(c, { projectId: "not-a-uuid" })).toMatchObject({ ok: false, error: "invalid" });
    await createTestTask(project, owner, { title: "secret" });
    await new Promise((r) => setTimeout(r, 300));
    expect(c.events()).toEqual([]);
  });

  it("pushes a change made through the API to a subscribed client, in the contract's shape", async () => {
    const c = client(owner.token);
    await connected(c);
    expect(await subscribe(c, { projectId: project.id })).toMatchObject({ ok: true });
    const task = await createTestTask(project, owner, { title: "live one" });
    const [e] = await waitFor(() => c.events(project.id).length >= 1 && c.events(project.id), "task.created");
    expect(e).toEqual({
      id: expect.any(Number),
      type: "task.created",
      projectId: project.id,
      actorId: owner.id,
      at: expect.any(String),
      data: expect.objectContaining({ id: task.id, key: task.key }),
    });
    expect(c.received[0]!.name).toBe("task.created");
  });

  it("replays what a client missed with `since`, in order, before the ack, without duplicates", async () => {
    const first = client(owner.token);
    await connected(first);
    await subscribe(first, { projectId: project.id });
    await createTestTask(project, owner, { title: "seen" });
    const seen = await waitFor(() => first.events(project.id).at(-1), "the first event");
    first.close();

    const missed = [];
    for (let i = 0; i < 3; i++) missed.push(await createTestTask(project, owner, { title: `missed ${i}` }));
    const expected = (await eventsOf(project.id)).filter((e) => e.id > seen.id).map((e) => e.id);
    expect(expected).toHaveLength(3);

    const again = client(owner.token);
    await connected(again);
    const ack = await subscribe(again, { projectId: project.id, since: seen.id });
    expect(ack).toMatchObject({ ok: true, lastEventId: expected.at(-1) });
    // Emitted before the ack, so already here.
    expect(again.events(project.id).map((e) => e.id)).toEqual(expected);

    const later = await createTestTask(project, owner, { title: "after reconnect" });
    await waitFor(() => again.events(project.id).some((e) => e.data.id === later.id), "the live event after replay");
    const ids = again.events(project.id).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  });

  it("sends notification.created to the recipient's own room", async () => {
    const { ws, project: p, owner: o } = await createTestProject();
    const bob = await createUser();
    await addToWorkspace(ws, bob, "member");
    const c = client(bob.token);
    await connected(c);
    const task = await createTestTask(p, o, { title: "for bob", assigneeIds: [bob.id] });
    const got = await waitFor(() => c.received.find((r) => r.name === "notification.created"), "notification.created");
    expect(got.body.data).toMatchObject({
      type: "task.assigned",
      task: { id: task.id, key: task.key, title: "for bob" },
      actor: { id: o.id },
      readAt: null,
    });
    expect(got.body.unreadCount).toBe(1);
    const inbox = await api.get("/api/v1/notifications", { token: bob.token });
    expect(inbox.body.data[0].id).toBe(got.body.data.id);
  });
});
