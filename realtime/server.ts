import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import v8 from "node:v8";
import vm from "node:vm";
import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import { Server } from "socket.io";
import { OUTBOX_SERVER_EVENT } from "@/server/events/redis-sink";
import type { RealtimeMessage } from "@/server/events/types";
import { metrics } from "@/server/metrics";
import { logger } from "@/config/log";
import { settings } from "@/config/settings";
import { attachGateway, type Gateway } from "./gateway";

type ClientEvents = Record<string, (...args: unknown[]) => void>;
type ServerEvents = Record<string, (...args: unknown[]) => void>;
type InterServerEvents = { [OUTBOX_SERVER_EVENT]: (m: RealtimeMessage) => void };

export type RealtimeServer = {
  io: Server<ClientEvents, ServerEvents, InterServerEvents>;
  gateway: Gateway;
  port: number;
  drain(): Promise<void>;
};

/**
 * The Socket.IO server on its own HTTP port (`/socket.io`, `/health`). With a Redis URL it joins the
 * other sidecars through the Redis adapter and takes outbox messages from the dispatcher's emitter;
 * without one the caller hands messages to gateway.deliver (the embedded default).
 */
// Prometheus scrapes each pod here (not reachable through the Ingress, which routes only /socket.io to this port).
function serveMetrics(res: ServerResponse, sockets: number): void {
  const { registry, realtimeSockets } = metrics();
  realtimeSockets.set(sockets);
  registry.metrics().then(
    (body) => res.writeHead(200, { "content-type": registry.contentType }).end(body),
    () => res.writeHead(500).end(),
  );
}

export async function startRealtimeServer(opts: { port: number; redisUrl?: string }): Promise<RealtimeServer> {
  const s = settings();
  const log = logger().child({ component: "realtime" });
  let draining = false;
  let pub: Redis | undefined;
  let sub: Redis | undefined;

  const health = (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === "/bench/memory" && s.BENCH_FLOOR) return benchMemory(res);
    if (req.url === "/metrics") return serveMetrics(res, io.engine.clientsCount);
    if (req.url !== "/health" && req.url !== "/ready") {
      res.writeHead(404).end();
      return;
    }
    const redis = sub ? sub.status : "none";
    const ok = !draining && (req.url === "/health" || redis === "ready" || redis === "none");
    res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
    res.end(JSON.stringify({ status: draining ? "draining" : ok ? "ok" : "degraded", connections: io.engine.clientsCount, redis }));
  };
  const http = createServer(health);
  const io = new Server<ClientEvents, ServerEvents, InterServerEvents>(http, {
    path: "/socket.io",
    serveClient: false,
    // Clients send only subscribe/unsubscribe; no per-socket compression contexts (zlib holds
    // hundreds of KiB per connection) and a small inbound ceiling instead of the default 1 MB.
    perMessageDeflate: false,
    httpCompression: false,
    maxHttpBufferSize: 64 * 1024,
    cors: { origin: new URL(s.APP_URL).origin, credentials: true },
  });
  const gateway = attachGateway(io as unknown as Server, { sweepMs: s.REALTIME_SWEEP_MS });

  if (opts.redisUrl) {
    pub = new Redis(opts.redisUrl, { maxRetriesPerRequest: null });
    sub = pub.duplicate();
    for (const [name, client] of [
      ["pub", pub],
      ["sub", sub],
    ] as const) {
      client.on("error", (err: Error) => log.warn({ err: err.message, client: name }, "redis connection problem"));
    }
    // Messages published while we were cut off are gone: catch up from the database once back.
    let wasDown = false;
    sub.on("close", () => (wasDown = true));
    sub.on("ready", () => {
      if (!wasDown) return;
      wasDown = false;
      setTimeout(() => void gateway.sweep(), 250).unref();
    });
    io.adapter(createAdapter(pub, sub));
    io.on(OUTBOX_SERVER_EVENT, (m) => gateway.deliver(m));
  }

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(opts.port, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  log.info({ port, redis: Boolean(opts.redisUrl) }, "realtime listening");

  return {
    io,
    gateway,
    port,
    async drain() {
      draining = true;
      gateway.close();
      // Clients are told, then their transports close: socket.io-client reconnects (to another pod).
      io.emit("server.draining", { reconnect: true });
      await new Promise((r) => setTimeout(r, 200));
      await io.close();
      await Promise.all([pub?.quit().catch(() => pub?.disconnect()), sub?.quit().catch(() => sub?.disconnect())]);
      log.info("realtime drained");
    },
  };
}

let gc: (() => void) | undefined;

/**
 * For the benchmark's memory scenario only (404 unless BENCH_FLOOR=true, like the web's floor
 * route): the heap this process retains after a full collection, which the resident size hides
 * behind however much room V8 happens to keep at that moment.
 */
function benchMemory(res: ServerResponse): void {
  if (!gc) {
    v8.setFlagsFromString("--expose-gc");
    gc = vm.runInNewContext("gc") as () => void;
  }
  gc();
  const m = process.memoryUsage();
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, external: m.external }));
}
