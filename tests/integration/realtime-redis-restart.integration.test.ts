import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addToWorkspace, createUser } from "../helpers/factories";
import { addToProject, createTestProject } from "../helpers/projects";
import { connectClient, connected, subscribe, waitFor, type TestClient } from "../helpers/realtime";
import { freePort, startSidecar, type Sidecar } from "../helpers/sidecar";
import { createTestTask, eventsOf } from "../helpers/tasks";

// A throwaway redis-server of our own (never the machine's), stopped and restarted mid-stream.
const ready = Boolean(process.env.REDIS_URL && process.env.DATABASE_URL);
if (!ready) console.log("[realtime-redis-restart] skipped: needs DATABASE_URL and REDIS_URL");

const port = ready ? await freePort() : 0;
const redisUrl = `redis://127.0.0.1:${port}`;
// Set before anything reads the settings: this process's app (dispatcher, emitter) uses this Redis.
if (ready) process.env.REDIS_URL = redisUrl;

let redisProc: ChildProcess | undefined;
async function startRedis(): Promise<void> {
  const proc = spawn("redis-server", ["--port", String(port), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1"], {
    stdio: "ignore",
  });
  redisProc = proc;
  await waitFor(
    async () => {
      const { Redis } = await import("ioredis");
      const probe = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      try {
        await probe.connect();
        return (await probe.ping()) === "PONG";
      } finally {
        probe.disconnect();
      }
    },
    "redis-server to answer",
    15_000,
    100,
  );
}
async function stopRedis(): Promise<void> {
  const proc = redisProc;
  if (!proc || proc.exitCode !== null) return;
  const gone = new Promise((r) => proc.once("exit", r));
  proc.kill("SIGKILL"); // an abrupt loss, as when the node dies
  await gone;
}

describe.skipIf(!ready)("Redis restarting mid-stream", () => {
  let a: Sidecar;
  let b: Sidecar;
  let stopApp: () => Promise<void>;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    await startRedis();
    // No periodic sweep: delivery must come through Redis, the dispatcher's retries and the
    // sidecars' catch-up when their Redis connection returns (the sweep is only a backstop).
    [a, b] = await Promise.all([
      startSidecar(redisUrl, { REALTIME_SWEEP_MS: "600000" }),
      startSidecar(redisUrl, { REALTIME_SWEEP_MS: "600000" }),
    ]);
    const { startLiveServices } = await import("@/startup/live");
    stopApp = (await startLiveServices()).stop;
  }, 180_000);

  afterAll(async () => {
    for (const c of clients) c.close();
    await stopApp?.();
    await Promise.all([a?.stop(), b?.stop()]);
    await stopRedis();
  });

  it("every event reaches every subscribed client exactly once, in order", async () => {
    const { ws, project, owner } = await createTestProject();
    const viewer = await createUser();
    await addToWorkspace(ws, viewer, "member");
    await addToProject(ws, project.id, viewer, "viewer");
    const onA = connectClient(a.url, { token: owner.token });
    const onB = connectClient(b.url, { token: viewer.token });
    clients.push(onA, onB);
    await Promise.all([connected(onA), connected(onB)]);
    expect(await subscribe(onA, { projectId: project.id })).toMatchObject({ ok: true });
    expect(await subscribe(onB, { projectId: project.id })).toMatchObject({ ok: true });

    const N = 30;
    for (let i = 0; i < N; i++) {
      if (i === 10) {
        // Make sure the stream was flowing before the cut.
        await waitFor(() => onB.events(project.id).length >= 5, "events before the outage");
        await stopRedis();
      }
      if (i === 20) await startRedis();
      await createTestTask(project, owner, { title: `stream ${i}` });
    }
    const expected = (await eventsOf(project.id)).map((e) => e.id);
    expect(expected).toHaveLength(N);
    for (const [name, c] of [
      ["A", onA],
      ["B", onB],
    ] as const) {
      await waitFor(
        () => c.events(project.id).length >= N,
        `all ${N} events on sidecar ${name} (got ${c.events(project.id).length})`,
        60_000,
        50,
      );
    }
    // A little longer, so a late duplicate would show.
    await new Promise((r) => setTimeout(r, 1500));
    expect(onA.events(project.id).map((e) => e.id)).toEqual(expected);
    expect(onB.events(project.id).map((e) => e.id)).toEqual(expected);
    // The sockets never dropped: delivery resumed on the same connections.
    expect(onA.socket.connected && onB.socket.connected).toBe(true);
  }, 180_000);
});
