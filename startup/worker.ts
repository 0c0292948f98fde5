import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { logger } from "@/config/log";
import { settings } from "@/config/settings";
import { closeDatabase, database } from "@/db/client";
import { checkReadiness } from "@/server/health";
import { metrics } from "@/server/metrics";
import { closeRedis } from "@/server/redis";
import { startLiveServices } from "./live";

// Past this the orchestrator's SIGKILL would come anyway; exit non-zero so the stop is visible.
const DRAIN_LIMIT_MS = 25_000;

/**
 * The worker process (`node worker.mjs`, the release image's second command): the outbox dispatcher,
 * email and webhook senders and due-soon reminders, so web pods can run with RUN_WORKERS=false.
 * A small HTTP server on WORKER_PORT answers /health, /ready and /metrics. SIGTERM finishes the
 * batches in hand, closes the connections and exits 0.
 */
export async function startWorkerProcess(): Promise<void> {
  const s = settings();
  const log = logger().child({ component: "worker" });
  if (!s.DATABASE_URL) {
    console.error("The worker needs DATABASE_URL (and REDIS_URL for live updates). Without them, `npm start` runs the workers itself.");
    process.exit(1);
  }
  await database();
  // The worker runs the background work whatever RUN_WORKERS says (it is set to false for web pods).
  const live = await startLiveServices({ runWorkers: true });
  let stopping = false;

  const http = createServer((req: IncomingMessage, res: ServerResponse) => void answer(req, res));
  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.url === "/health") return json(res, stopping ? 503 : 200, { status: stopping ? "draining" : "ok" });
    if (req.url === "/ready") {
      const { ok, checks } = await checkReadiness();
      const ready = ok && !stopping;
      return json(res, ready ? 200 : 503, { status: ready ? "ok" : "unavailable", checks });
    }
    if (req.url === "/metrics") {
      const registry = metrics().registry;
      res.writeHead(200, { "content-type": registry.contentType }).end(await registry.metrics());
      return;
    }
    res.writeHead(404).end();
  }
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(s.WORKER_PORT, () => resolve());
  });
  log.info({ port: (http.address() as AddressInfo).port, realtime: Boolean(s.REDIS_URL) }, "worker ready");

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "worker draining");
    setTimeout(() => process.exit(1), DRAIN_LIMIT_MS).unref();
    void (async () => {
      await live.stop();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await closeRedis();
      await closeDatabase();
      log.info("worker drained");
    })().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, "worker did not drain cleanly");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
