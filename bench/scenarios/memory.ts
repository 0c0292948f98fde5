import path from "node:path";
import { ROOT } from "../lib/config";
import { freePort, start, stop, treeRss, waitForHttp } from "../lib/processes";
import { times, type Row } from "../lib/scenario";
import { openFleet } from "../lib/sockets";
import { round } from "../lib/stats";

const MiB = 1024 * 1024;
export type WsMemory = { idle: number; loaded: number; connections: number };

/** The floor for scenario 8: a plain `ws` server's resident size, idle and holding `n` connections. */
export async function measureWsMemory(n: number): Promise<WsMemory> {
  const port = await freePort();
  const proc = start(
    "ws-floor",
    process.execPath,
    ["--import", "tsx", path.join(ROOT, "bench/floors/ws-floor.ts"), String(port)],
    {},
    ROOT,
    port,
  );
  try {
    await waitForHttp(proc, `http://127.0.0.1:${port}/`);
    await new Promise((r) => setTimeout(r, 1000));
    const idle = treeRss(proc.child.pid!);
    const fleet = await openFleet({ kind: "ws", url: `ws://127.0.0.1:${port}`, count: n });
    await new Promise((r) => setTimeout(r, 2000));
    const loaded = treeRss(proc.child.pid!);
    await fleet.collect();
    return { idle, loaded, connections: fleet.ready };
  } finally {
    await stop(proc);
  }
}

/** Scenario 8 rows, from the resident sizes sampled around scenario 5. */
export function memoryRows(m: Record<string, number>, ws: WsMemory): Row[] {
  const perSocket = (m.sidecarLoaded! - m.sidecarIdle!) / m.perSidecarSockets!;
  const perWs = (ws.loaded - ws.idle) / ws.connections;
  return [
    {
      scenario: "8. memory",
      metric: "web process RSS: idle → during fan-out",
      value: round(m.webLoaded! / MiB, 1),
      unit: "MiB",
      floors: { idle: round(m.webIdle! / MiB, 1) },
    },
    {
      scenario: "8. memory",
      metric: `sidecar RSS: idle → ${m.perSidecarSockets} sockets`,
      value: round(m.sidecarLoaded! / MiB, 1),
      unit: "MiB",
      floors: { idle: round(m.sidecarIdle! / MiB, 1), "plain ws idle": round(ws.idle / MiB, 1) },
    },
    {
      scenario: "8. memory",
      metric: "per connected socket",
      value: round(perSocket / 1024, 1),
      unit: "KiB",
      floors: { "plain ws": round(perWs / 1024, 1) },
      ratio: times(perSocket, perWs),
      target: "< 2x plain ws",
      met: perSocket < 2 * perWs,
      why: `a subscribed Socket.IO socket in the sidecar (Engine.IO session, rooms, the per-project subscription state) holds ${round((perSocket - perWs) / 1024, 1)} KiB more than a bare ws connection`,
    },
  ];
}
