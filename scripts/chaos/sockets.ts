// Child process of `npm run chaos`: holds many Socket.IO clients subscribed to one project's live room and
// records every event id each receives, in arrival order. Each behaves like the browser client
// (components/realtime/client.ts): after a lost connection it subscribes again with `since` = the last
// event id it saw. Socket i starts on urls[i % n]; a reconnect tries the next address first, as a load
// balancer in front of the sidecars would send it to a live one.
// stdout: {"ready":n,"failed":m} once subscribed; stdin "status" → {"status":…}; "stop" → {"sockets":[…]}.
import { createInterface } from "node:readline";
import { io, type Socket } from "socket.io-client";

export type FleetSpec = { urls: string[]; count: number; token: string; projectId: string; since: number };
export type SocketReport = { ids: number[]; reconnects: number; resyncs: number; url: string };
export type FleetStatus = { connected: number; minLast: number; maxLast: number; reconnects: number; livePerUrl: number[]; behind: number };

const spec = JSON.parse(Buffer.from(process.argv[2]!, "base64url").toString()) as FleetSpec;

type Client = {
  socket?: Socket;
  url: number;
  last: number;
  ids: number[];
  reconnects: number;
  resyncs: number;
  live: boolean;
  stopped: boolean;
};

const clients: Client[] = Array.from({ length: spec.count }, (_, i) => ({
  url: i % spec.urls.length,
  last: spec.since,
  ids: [],
  reconnects: 0,
  resyncs: 0,
  live: false,
  stopped: false,
}));

/**
 * Connects and subscribes; resolves true once subscribed, false when this attempt failed. The subscribe
 * ack may take long while a sidecar replays for many sockets at once (the browser waits for it forever).
 */
function open(c: Client): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = io(spec.urls[c.url]!, {
      auth: { token: spec.token },
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      timeout: 5000,
    });
    c.socket = socket;
    let settled = false;
    const settle = (ok: boolean) => {
      if (settled) return;
      settled = true;
      if (!ok) socket.close();
      resolve(ok);
    };
    socket.onAny((name: string, body: { id?: unknown; projectId?: unknown } | null) => {
      if (name === "notification.created" || typeof body?.id !== "number" || body.projectId !== spec.projectId) return;
      c.ids.push(body.id);
      c.last = Math.max(c.last, body.id);
    });
    socket.once("connect_error", () => settle(false));
    socket.once("connect", () => {
      socket
        .timeout(30_000)
        .emit("subscribe", { projectId: spec.projectId, since: c.last }, (err: Error | null, ack?: { ok: boolean; resync?: boolean }) => {
          if (err || !ack?.ok) return settle(false);
          if (ack.resync) c.resyncs++;
          c.live = true;
          settle(true);
        });
    });
    socket.on("disconnect", (reason) => {
      // Only a subscribed socket starts a reconnect loop; a failed attempt is retried by the loop that made it.
      const wasLive = c.live;
      c.live = false;
      settle(false);
      if (wasLive && reason !== "io client disconnect" && !c.stopped) void reconnect(c);
    });
  });
}

/** Tries the other addresses first, then round and round, until subscribed again. */
async function reconnect(c: Client): Promise<void> {
  c.reconnects++;
  for (let attempt = 0; !c.stopped; attempt++) {
    c.url = (c.url + 1) % spec.urls.length;
    await new Promise((r) => setTimeout(r, 100 + Math.random() * 200 + Math.min(attempt, 10) * 50));
    if (c.stopped) return;
    if (await open(c)) return;
  }
}

/** The first subscription, retried on the same address (a busy machine times some out) for up to a minute and a half. */
async function first(c: Client, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    if (await open(c)) return true;
    await new Promise((r) => setTimeout(r, 250 + Math.random() * 250));
  }
  return false;
}

let failed = 0;
const deadline = Date.now() + 90_000;
for (let i = 0; i < clients.length; i += 25) {
  const batch = clients.slice(i, i + 25);
  const results = await Promise.all(batch.map((c) => first(c, deadline)));
  failed += results.filter((ok) => !ok).length;
}
console.log(JSON.stringify({ ready: clients.length - failed, failed }));

createInterface({ input: process.stdin }).on("line", (line) => {
  const command = line.trim();
  if (command === "status") {
    const lasts = clients.map((c) => c.last);
    const status: FleetStatus = {
      connected: clients.filter((c) => c.live).length,
      minLast: Math.min(...lasts),
      maxLast: Math.max(...lasts),
      reconnects: clients.reduce((n, c) => n + c.reconnects, 0),
      livePerUrl: spec.urls.map((_, u) => clients.filter((c) => c.live && c.url === u).length),
      behind: lasts.filter((l) => l < Math.max(...lasts)).length,
    };
    console.log(JSON.stringify({ status }));
  } else if (command === "stop") {
    for (const c of clients) {
      c.stopped = true;
      c.socket?.close();
    }
    const sockets: SocketReport[] = clients.map((c) => ({
      ids: c.ids,
      reconnects: c.reconnects,
      resyncs: c.resyncs,
      url: spec.urls[c.url]!,
    }));
    process.stdout.write(JSON.stringify({ sockets }) + "\n", () => process.exit(0));
  }
});
