import { performance } from "node:perf_hooks";
import path from "node:path";
import { ROOT } from "../lib/config";
import { runChild } from "../lib/load";
import { freePort, start, stop, waitForHttp, type Proc } from "../lib/processes";
import { routeExists, times, type BenchContext, type Row, type Scenario } from "../lib/scenario";
import { openFleet, type SocketFleet } from "../lib/sockets";
import type { SocketsSpec } from "../load/sockets";
import { percentile, round } from "../lib/stats";
import { measureWsMemory, memoryRows, retainedBytes, settledRss } from "./memory";

const SOCKETS = 1_000;
const EVENTS = 30;
/** Rounds per side, interleaved floor, app, floor, app: a noisy neighbour hits both. */
const ROUNDS = 2;
/**
 * Client processes per server. 500 sockets in one client process spend tens of milliseconds decoding
 * one broadcast before the last of them sees it; two processes per server halve that queue (the
 * clients still share the 2 cores with the servers, which the floor shows).
 */
const FLEETS_PER_SERVER = 2;
const now = () => performance.timeOrigin + performance.now();
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

function fanoutWhy(app: number, floor: number): string {
  if (floor >= 100)
    return `even an in-process broadcast to ${SOCKETS} sockets has a p99 of ${Math.round(floor)} ms here (clients, servers and Postgres share 2 cores)`;
  return `the path PATCH → commit → outbox dispatcher → Redis → sidecar → socket adds ${Math.round(app - floor)} ms at p99 over an in-process broadcast`;
}

type Side = { fleets: SocketFleet[]; trigger: (k: number) => Promise<void>; sent: Map<number, number>; done: Map<number, number> };
/** afterAnswer: receipt minus the moment the change's request answered (committed): outbox → Redis → sidecar → socket. */
type Outcome = { latencies: number[]; afterAnswer: number[]; share: number };

/** Fires `count` marked changes one by one, numbered from `first`. */
async function fire(side: Side, first: number, count: number): Promise<void> {
  for (let k = first; k < first + count; k++) {
    side.sent.set(k, now());
    await side.trigger(k);
    side.done.set(k, now());
    await pause(150);
  }
}

/** Gathers what every socket of the side received (this closes its client processes). */
async function gather(side: Side): Promise<Outcome> {
  const receipts = (await Promise.all(side.fleets.map((f) => f.collect()))).flat();
  const ours = receipts.filter(([k]) => side.sent.has(k));
  const latencies = ours.map(([k, t]) => t - side.sent.get(k)!);
  const afterAnswer = ours.map(([k, t]) => t - side.done.get(k)!);
  return { latencies, afterAnswer, share: latencies.length / (side.sent.size * SOCKETS) };
}

/** Opens `perServer` sockets on each url, in FLEETS_PER_SERVER waves of client processes; sample() runs after each wave. */
async function openWaves(
  urls: string[],
  perServer: number,
  spec: Omit<SocketsSpec, "url" | "count">,
  sample: (wave: number) => Promise<void>,
): Promise<SocketFleet[]> {
  const fleets: SocketFleet[] = [];
  for (let wave = 0; wave < FLEETS_PER_SERVER; wave++) {
    const opened = await Promise.all(urls.map((url) => openFleet({ ...spec, url, count: perServer / FLEETS_PER_SERVER })));
    fleets.push(...opened);
    await sample(wave);
  }
  const ready = fleets.reduce((n, f) => n + f.ready, 0);
  if (ready < perServer * urls.length) throw new Error(`only ${ready} of ${perServer * urls.length} sockets connected and subscribed`);
  return fleets;
}

/** How long each PATCH took to answer (the commit is done by then): the part of the latency before the outbox. */
const answered: number[] = [];

async function appSide(ctx: BenchContext, memory: Record<string, number>): Promise<Side> {
  answered.length = 0;
  const pids = [ctx.services.webPid, ...ctx.services.realtimePids.slice(0, 2)];
  const rss = async () => {
    const [web, ...sidecars] = await settledRss(pids);
    return { web: web!, sidecars };
  };
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const urls = ctx.services.realtimeUrls.slice(0, 2);
  const retained = async () => mean(await Promise.all(urls.map(retainedBytes)));
  const idle = await rss();
  const heapIdle = await retained();
  const waves: Awaited<ReturnType<typeof rss>>[] = [];
  const spec = { kind: "socket.io", token: ctx.fixture.owner.token, projectId: ctx.fixture.projects.BRD.id } as const;
  const heapWaves: number[] = [];
  const fleets = await openWaves(urls, SOCKETS / urls.length, spec, async () => {
    waves.push(await rss());
    heapWaves.push(await retained());
  });
  const loaded = waves.at(-1)!;
  Object.assign(memory, {
    sidecarHeapIdle: heapIdle,
    sidecarHeapHalf: heapWaves[0],
    sidecarHeapLoaded: heapWaves.at(-1),
    webIdle: idle.web,
    webLoaded: loaded.web,
    sidecarIdle: mean(idle.sidecars),
    sidecarHalf: mean(waves[0]!.sidecars),
    sidecarLoaded: mean(loaded.sidecars),
    perSidecarSockets: SOCKETS / urls.length,
    secondWave: SOCKETS / urls.length / FLEETS_PER_SERVER,
  });
  return {
    fleets,
    sent: new Map(),
    done: new Map(),
    trigger: async (k) => {
      const sent = now();
      const res = await fetch(`${ctx.services.appUrl}/api/v1/tasks/BRD-1`, {
        method: "PATCH",
        headers: { ...ctx.auth, "content-type": "application/json" },
        body: JSON.stringify({ title: `bench-fanout-${k} Review the onboarding checklist` }),
      });
      if (!res.ok) throw new Error(`PATCH BRD-1 answered ${res.status}`);
      await res.arrayBuffer();
      answered.push(now() - sent);
    },
  };
}

async function floorSide(proc: Proc, url: string, memory: Record<string, number>): Promise<Side> {
  await waitForHttp(proc, `${url}/hello`);
  await pause(1000);
  const idle = await retainedBytes(url);
  const fleets = await openWaves([url], SOCKETS, { kind: "socket.io", projectId: "floor" }, async () => void (await pause(1000)));
  memory.socketIoPerSocket = ((await retainedBytes(url)) - idle) / SOCKETS;
  return {
    fleets,
    sent: new Map(),
    done: new Map(),
    trigger: async (k) => void (await (await fetch(`${url}/emit?k=${k}&projectId=floor`, { method: "POST" })).text()),
  };
}

/** Scenario 5 (and 8): one change to 1,000 sockets on one board across two sidecars, beside the floors. */
export const fanoutScenario: Scenario = {
  id: "fanout",
  title: "5. Live fan-out (and 8. memory)",
  async available(ctx) {
    if (ctx.services.realtimeUrls.length < 2) return "not available yet: no realtime sidecar (realtime/main.ts)";
    return routeExists(ctx, "PATCH", "/api/v1/tasks/BRD-1", { title: "bench-fanout-0 Review the onboarding checklist" });
  },
  async run(ctx) {
    const memory: Record<string, number> = {};
    const app = await appSide(ctx, memory);
    const port = await freePort();
    const floorProc = start(
      "socketio-floor",
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "bench/floors/socketio-floor.ts"), String(port)],
      {},
      ROOT,
      port,
    );
    let appOut: Outcome | undefined;
    let floor: Outcome;
    try {
      const floorS = await floorSide(floorProc, `http://127.0.0.1:${port}`, memory).catch(async (err: unknown) => {
        await gather(app); // closes the app's client processes
        throw err;
      });
      // Markers: the app's and the floor's changes never share a number.
      const per = EVENTS / ROUNDS;
      for (let r = 0; r < ROUNDS; r++) {
        await fire(floorS, 1000 + r * per, per);
        await fire(app, 1 + r * per, per);
      }
      await pause(3000);
      [appOut, floor] = await Promise.all([gather(app), gather(floorS)]);
    } finally {
      await stop(floorProc);
    }
    if (!appOut) throw new Error("no fan-out receipts");
    const redis = await runChild<number[]>("redis-rtt.ts", { url: ctx.opts.redisUrl, count: 1000 }, 60_000);
    const p = (xs: number[], q: number) => round(percentile(xs, q));
    const floors = (q: number) => ({
      "in-process Socket.IO": p(floor.latencies, q),
      "Redis pub/sub RTT": p(redis, q),
      "PATCH answered": p(answered, q),
    });
    const rows: Row[] = [
      {
        scenario: "5. fan-out",
        metric: `${SOCKETS} sockets, 2 sidecars: p50 change → receipt`,
        value: p(appOut.latencies, 0.5),
        unit: "ms",
        floors: floors(0.5),
        ratio: `${times(percentile(appOut.latencies, 0.5), percentile(floor.latencies, 0.5))} of in-process`,
      },
      {
        scenario: "5. fan-out",
        metric: `${SOCKETS} sockets, 2 sidecars: p99 change → receipt`,
        value: p(appOut.latencies, 0.99),
        unit: "ms",
        floors: floors(0.99),
        ratio: `${times(percentile(appOut.latencies, 0.99), percentile(floor.latencies, 0.99))} of in-process`,
        target: "< 100 ms",
        met: percentile(appOut.latencies, 0.99) < 100,
        why: fanoutWhy(percentile(appOut.latencies, 0.99), percentile(floor.latencies, 0.99)),
        note: `measured from sending the PATCH (so it includes the request and commit) to the socket's receipt, in ${FLEETS_PER_SERVER} client processes per server; ${ROUNDS} rounds interleaved with the floor`,
      },
      {
        scenario: "5. fan-out",
        metric: "after the request answered (outbox → Redis → sidecar → socket): p50 / p99",
        value: p(appOut.afterAnswer, 0.5),
        unit: "ms",
        floors: { "in-process Socket.IO p50": p(floor.latencies, 0.5), "p99 (value)": p(appOut.afterAnswer, 0.99) },
        note: "receipt minus the moment the PATCH answered, so the route's own time is left out; negative when a socket had the event before the client had the response",
      },
      {
        scenario: "5. fan-out",
        metric: `share delivered (${EVENTS} events × ${SOCKETS})`,
        value: round(appOut.share * 100, 2),
        unit: "%",
        floors: { "in-process Socket.IO": round(floor.share * 100, 2) },
        target: "100%",
        met: appOut.share >= 1,
        why: `${Math.round((1 - appOut.share) * EVENTS * SOCKETS)} deliveries did not arrive within 3 s of the last change`,
      },
    ];
    const ws = await measureWsMemory(SOCKETS / 2, FLEETS_PER_SERVER);
    return [...rows, ...memoryRows(memory, ws)];
  },
};
