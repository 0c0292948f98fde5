import { logger } from "@/config/log";
import { settings } from "@/config/settings";
import { redisSink } from "@/server/events/redis-sink";
import { setRealtimeSink, type RealtimeSink } from "@/server/events/sink";
import type { BackgroundWork } from "./workers";

export type LiveServices = { realtimePort: number | null; background: BackgroundWork | null; stop(): Promise<void> };

const globalForRuntime = globalThis as unknown as { __tasklaneLive?: Promise<LiveServices> };

/**
 * Once per process. Embedded default (no REDIS_URL): Socket.IO on REALTIME_PORT in this process.
 * With REDIS_URL: events go to the sidecars (`npm run realtime`) through the Redis emitter.
 * Either way the dispatcher and workers run here unless RUN_WORKERS=false.
 */
export function startLiveServices(opts: { realtimePort?: number; runWorkers?: boolean } = {}): Promise<LiveServices> {
  globalForRuntime.__tasklaneLive ??= boot(opts.realtimePort, opts.runWorkers).catch((err: unknown) => {
    globalForRuntime.__tasklaneLive = undefined;
    throw err;
  });
  return globalForRuntime.__tasklaneLive;
}

async function boot(realtimePort?: number, runWorkers?: boolean): Promise<LiveServices> {
  const s = settings();
  let sink: RealtimeSink | undefined;
  let stopRealtime: (() => Promise<void>) | undefined;
  let port: number | null = null;
  if (s.REDIS_URL) {
    sink = redisSink(s.REDIS_URL);
  } else {
    try {
      // Dynamic: only the embedded mode loads the Socket.IO server into the web process.
      const { startEmbeddedRealtime } = await import("@/realtime/embedded");
      const embedded = await startEmbeddedRealtime(realtimePort ?? s.REALTIME_PORT);
      sink = embedded.sink;
      port = embedded.server.port;
      stopRealtime = () => embedded.server.drain();
    } catch (err) {
      logger().error(
        { err: (err as Error).message, port: realtimePort ?? s.REALTIME_PORT },
        "realtime server did not start; live updates are off",
      );
    }
  }
  setRealtimeSink(sink);
  let background: BackgroundWork | null = null;
  if (runWorkers ?? s.RUN_WORKERS) {
    const { startBackgroundWork } = await import("./workers");
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
