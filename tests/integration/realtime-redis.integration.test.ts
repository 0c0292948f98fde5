import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addToWorkspace, createUser, type TestUser } from "../helpers/factories";
import { addToProject, createTestProject, type TestProject } from "../helpers/projects";
import { connectClient, connected, connectOutcome, subscribe, waitFor, type TestClient } from "../helpers/realtime";
import { startSidecar, type Sidecar } from "../helpers/sidecar";
import { createTestTask, eventsOf } from "../helpers/tasks";

// Production shape: two sidecar processes and this process (the app: API + dispatcher) on one Redis.
const ready = Boolean(process.env.REDIS_URL && process.env.DATABASE_URL);
if (!ready) console.log("[realtime-redis] skipped: needs DATABASE_URL and REDIS_URL (sidecars share PostgreSQL and Redis)");

describe.skipIf(!ready)("realtime sidecars on Redis", () => {
  let a: Sidecar;
  let b: Sidecar;
  let stopApp: () => Promise<void>;
  const clients: TestClient[] = [];
  const client = (s: Sidecar, token?: string, reconnection = false) => {
    const c = connectClient(s.url, token ? { token } : {}, { reconnection });
    clients.push(c);
    return c;
  };
  let owner: TestUser;
  let viewer: TestUser;
  let project: TestProject;

  beforeAll(async () => {
    [a, b] = await Promise.all([startSidecar(process.env.REDIS_URL!), startSidecar(process.env.REDIS_URL!)]);
    const { startLiveServices } = await import("@/startup/live");
    stopApp = (await startLiveServices()).stop;
    const made = await createTestProject();
    ({ owner, project } = made);
    viewer = await createUser();
    await addToWorkspace(made.ws, viewer, "member");
    await addToProject(made.ws, project.id, viewer, "viewer");
  }, 180_000);

  afterAll(async () => {
    for (const c of clients) c.close();
    await stopApp?.();
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it("refuses bad handshakes and invisible projects on a sidecar", async () => {
    expect(await connectOutcome(client(a))).toBe("unauthorized");
    const stranger = await createUser();
    const c = client(b, stranger.token);
    await connected(c);
    expect(await subscribe(c, { projectId: project.id })).toMatchObject({ ok: false, error: "not_found" });
  });

  it("a client on sidecar B receives a change made through the API, in the same order as sidecar A", async () => {
    const onA = client(a, owner.token);
    const onB = client(b, viewer.token);
    await Promise.all([connected(onA), connected(onB)]);
    expect(await subscribe(onA, { projectId: project.id })).toMatchObject({ ok: true });
    expect(await subscribe(onB, { projectId: project.id })).toMatchObject({ ok: true });
    // Warm the path once (first-use costs: connections, compiled queries). How fast it arrives is the
    // fan-out benchmark's job (npm run bench -- --only fanout), not a timed test's on a shared machine.
    const warm = await createTestTask(project, owner, { title: "warm-up" });
    await waitFor(() => onB.events(project.id).some((e) => e.data.id === warm.id), "the warm-up event on B");

    const task = await createTestTask(project, owner, { title: "seen on B" });
    const got = await waitFor(() => onB.events(project.id).find((e) => e.data.id === task.id), "the change on sidecar B", 10_000, 5);
    expect(got).toMatchObject({ type: "task.created", projectId: project.id, actorId: owner.id });
    await waitFor(() => onA.events(project.id).some((e) => e.data.id === task.id), "the change on sidecar A");
    expect(onB.events(project.id).map((e) => e.id)).toEqual(onA.events(project.id).map((e) => e.id));
  });

  it("delivers notification.created to the user's room on any sidecar", async () => {
    const onB = client(b, viewer.token);
    await connected(onB);
    const member = await createUser();
    const made = await createTestProject();
    await addToWorkspace(made.ws, member, "member");
    const onBToo = client(b, member.token);
    const onA = client(a, member.token);
    await Promise.all([connected(onBToo), connected(onA)]);
    const task = await createTestTask(made.project, made.owner, { title: "for you", assigneeIds: [member.id] });
    for (const c of [onA, onBToo]) {
      const n = await waitFor(() => c.received.find((r) => r.name === "notification.created"), "notification.created");
      expect(n.body.data).toMatchObject({ type: "task.assigned", task: { id: task.id } });
    }
    expect(onB.received.filter((r) => r.name === "notification.created")).toEqual([]);
  });

  it("a client that reconnects to the other sidecar with `since` gets what it missed, in order, once", async () => {
    const first = client(a, owner.token);
    await connected(first);
    await subscribe(first, { projectId: project.id });
    const seenTask = await createTestTask(project, owner, { title: "seen" });
    const seen = await waitFor(() => first.events(project.id).find((e) => e.data.id === seenTask.id), "seen");
    first.close();
    for (let i = 0; i < 4; i++) await createTestTask(project, owner, { title: `missed ${i}` });
    const expected = (await eventsOf(project.id)).filter((e) => e.id > seen.id).map((e) => e.id);
    const again = client(b, owner.token);
    await connected(again);
    expect(await subscribe(again, { projectId: project.id, since: seen.id })).toMatchObject({ ok: true, lastEventId: expected.at(-1) });
    expect(again.events(project.id).map((e) => e.id)).toEqual(expected);
  });

  it("drains on SIGTERM: clients are told, disconnected, and the process exits cleanly", async () => {
    const extra = await startSidecar(process.env.REDIS_URL!, { LOG_LEVEL: "info" });
    const c = client(extra, owner.token);
    await connected(c);
    const disconnected = new Promise<string>((resolve) => c.socket.once("disconnect", (reason) => resolve(reason)));
    extra.signal("SIGTERM");
    expect(await disconnected).toBe("transport close"); // socket.io-client reconnects on this (elsewhere, behind a balancer)
    expect(c.received.some((r) => r.name === "server.draining")).toBe(true);
    await extra.exited;
    expect(extra.output()).toContain("realtime drained");
  });
});
