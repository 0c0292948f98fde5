import { performance } from "node:perf_hooks";
import path from "node:path";
import { ROOT } from "../lib/config";
import { runChild } from "../lib/load";
import { freePort, start, stop, treeRss, waitForHttp } from "../lib/processes";
import { routeExists, times, type BenchContext, type Row, type Scenario } from "../lib/scenario";
import { openFleet, type SocketFleet } from "../lib/sockets";
import { percentile, round } from "../lib/stats";
import { measureWsMemory, memoryRows } from "./memory";

const SOCKETS = 1_000;
const EVENTS = 30;
const now = () => performance.timeOrigin + performance.now();

function fanoutWhy(app: number, floor: number): string {
  if (floor >= 100)
    return `even an in-process broadcast to ${SOCKETS} sockets has a p99 of ${Math.round(floor)} ms here (clients, servers and Postgres share 2 cores)`;
  return `the path PATCH → commit → outbox dispatcher → Redis → sidecar → socket adds ${Math.round(app - floor)} ms at p99 over an in-process broadcast`;
}

/** Fires EVENTS marked changes one by one, then gathers what every socket received. */
async function fire(fleets: SocketFleet[], trigger: (k: number) => Promise<void>): Promise<{ latencies: number[]; share: number }> {
  const sent = new Map<number, number>();
  for (let k = 1; k <= EVENTS; k++) {
    sent.set(k, now());
    await trigger(k);
    await new Promise((r) => setTimeout(r, 150));
  }
  await new Promise((r) => setTimeout(r, 3000));
  const receipts = (await Promise.all(fleets.map((f) => f.collect()))).flat();
  const latencies = receipts.filter(([k]) => sent.has(k)).map(([k, t]) => t - sent.get(k)!);
  return { latencies, share: latencies.length / (EVENTS * SOCKETS) };
}

async function appFanout(ctx: BenchContext, memory: Record<string, number>): Promise<{ latencies: number[]; share: number }> {
  const rss = () => ({ web: treeRss(ctx.services.webPid), sidecars: ctx.services.realtimePids.map(treeRss) });
  const idle = rss();
  const urls = ctx.services.realtimeUrls.slice(0, 2);
  const fleets = await Promise.all(
    urls.map((url) =>
      openFleet({
        kind: "socket.io",
        url,
        token: ctx.fixture.owner.token,
        projectId: ctx.fixture.projects.BRD.id,
        count: SOCKETS / urls.length,
      }),
    ),
  );
  const ready = fleets.reduce((s, f) => s + f.ready, 0);
  if (ready < SOCKETS) throw new Error(`only ${ready} of ${SOCKETS} sockets connected and subscribed`);
  await new Promise((r) => setTimeout(r, 2000));
  const loaded = rss();
  Object.assign(memory, {
    webIdle: idle.web,
    webLoaded: loaded.web,
    sidecarIdle: idle.sidecars.reduce((a, b) => a + b, 0) / idle.sidecars.length,
    sidecarLoaded: loaded.sidecars.reduce((a, b) => a + b, 0) / loaded.sidecars.length,
    perSidecarSockets: SOCKETS / urls.length,
  });
  return fire(fleets, async (k) => {
    const res = await fetch(`${ctx.services.appUrl}/api/v1/tasks/BRD-1`, {
      method: "PATCH",
      headers: { ...ctx.auth, "content-type": "application/json" },
      body: JSON.stringify({ title: `bench-fanout-${k} Review the onboarding checklist` }),
    });
    if (!res.ok) throw new Error(`PATCH BRD-1 answered ${res.status}`);
    await res.arrayBuffer();
  });
}

async function floorFanout(): Promise<{ latencies: number[]; share: number }> {
  const port = await freePort();
  const proc = start(
    "socketio-floor",
    process.execPath,
    ["--import", "tsx", path.join(ROOT, "bench/floors/socketio-floor.ts"), String(port)],
    {},
    ROOT,
    port,
  );
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(proc, `${url}/hello`);
    const fleets = await Promise.all([1, 2].map(() => openFleet({ kind: "socket.io", url, projectId: "floor", count: SOCKETS / 2 })));
    return await fire(fleets, async (k) => void (await (await fetch(`${url}/emit?k=${k}&projectId=floor`, { method: "POST" })).text()));
  } finally {
    await stop(proc);
  }
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
    const app = await appFanout(ctx, memory);
    const floor = await floorFanout();
    const redis = await runChild<number[]>("redis-rtt.ts", { url: ctx.opts.redisUrl, count: 1000 }, 60_000);
    const p = (xs: number[], q: number) => round(percentile(xs, q));
    const floors = (q: number) => ({ "in-process Socket.IO": p(floor.latencies, q), "Redis pub/sub RTT": p(redis, q) });
    const rows: Row[] = [
      {
        scenario: "5. fan-out",
        metric: `${SOCKETS} sockets, 2 sidecars: p50 change → receipt`,
        value: p(app.latencies, 0.5),
        unit: "ms",
        floors: floors(0.5),
        ratio: `${times(percentile(app.latencies, 0.5), percentile(floor.latencies, 0.5))} of in-process`,
      },
      {
        scenario: "5. fan-out",
        metric: `${SOCKETS} sockets, 2 sidecars: p99 change → receipt`,
        value: p(app.latencies, 0.99),
        unit: "ms",
        floors: floors(0.99),
        ratio: `${times(percentile(app.latencies, 0.99), percentile(floor.latencies, 0.99))} of in-process`,
        target: "< 100 ms",
        met: percentile(app.latencies, 0.99) < 100,
        why: fanoutWhy(percentile(app.latencies, 0.99), percentile(floor.latencies, 0.99)),
        note: "measured from sending the PATCH (so it includes the request and commit) to the socket's receipt, in separate client processes",
      },
      {
        scenario: "5. fan-out",
        metric: `share delivered (${EVENTS} events × ${SOCKETS})`,
        value: round(app.share * 100, 2),
        unit: "%",
        floors: { "in-process Socket.IO": round(floor.share * 100, 2) },
        target: "100%",
        met: app.share >= 1,
        why: `${Math.round((1 - app.share) * EVENTS * SOCKETS)} deliveries did not arrive within 3 s of the last change`,
      },
    ];
    const ws = await measureWsMemory(SOCKETS);
    return [...rows, ...memoryRows(memory, ws)];
  },
};
