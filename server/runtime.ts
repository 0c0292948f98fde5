import { database } from "@/db/client";
import { redisSink } from "./events/redis-sink";
import { setRealtimeSink, type RealtimeSink } from "./events/sink";
import type { BackgroundWork } from "./jobs/workers";
import { logger } from "@/config/log";
import { settings } from "@/config/settings";

export type LiveServices = { realtimePort: number | null; background: BackgroundWork | null; stop(): Promise<void> };

const globalForRuntime = globalThis as unknown as { __tasklaneLive?: Promise<LiveServices> };

/** Start-up of the web process: validated settings, a migrated database, live updates and workers. */
export async function startServerRuntime(): Promise<void> {
  const s = settings();
  await database();
  const live = await startLiveServices();
  logger().info(
    { database: s.DATABASE_URL ? "postgresql" : "pglite", redis: Boolean(s.REDIS_URL), realtimePort: live.realtimePort, workers: Boolean(live.background) },
    "tasklane ready",
  );
}

/**
 * Once per process. Embedded default (no REDIS_URL): Socket.IO on REALTIME_PORT in this process.
 * With REDIS_URL: events go to the sidecars (`npm run realtime`) through the Redis emitter.
 * Either way the dispatcher and workers run here unless RUN_WORKERS=false.
 */
export function startLiveServices(opts: { realtimePort?: number } = {}): Promise<LiveServices> {
  globalForRuntime.__tasklaneLive ??= boot(opts.realtimePort).catch((err: unknown) => {
    globalForRuntime.__tasklaneLive = undefined;
    throw err;
  });
  return globalForRuntime.__tasklaneLive;
}

async function boot(realtimePort?: number): Promise<LiveServices> {
  const s = settings();
  let sink: RealtimeSink | undefined;
  let stopRealtime: (() => Promise<void>) | undefined;
  let port: number | null = null;
  if (s.REDIS_URL) {
    sink = redisSink(s.REDIS_URL);
  } else {
    try {
      // Dynamic: only the embedded mode loads the Socket.IO server into the web process.
      const { startEmbeddedRealtime } = await import("../realtime/embedded");
      const embedded = await startEmbeddedRealtime(realtimePort ?? s.REALTIME_PORT);
      sink = embedded.sink;
      port = embedded.server.port;
      stopRealtime = () => embedded.server.drain();
    } catch (err) {
      logger().error({ err: (err as Error).message, port: realtimePort ?? s.REALTIME_PORT }, "realtime server did not start; live updates are off");
    }
  }
  setRealtimeSink(sink);
  let background: BackgroundWork | null = null;
  if (s.RUN_WORKERS) {
    const { startBackgroundWork } = await import("./jobs/workers");
    background = await startBackgroundWork();
  }
  return {
    realtimePort: port,
    background,
    async stop() {
      await background?.stop();
      await stopRealtime?.();
      await sink?.close?.();
      setRealtimeSink(undefined);
      globalForRuntime.__tasklaneLive = undefined;
    },
  };
}
