import { logger } from "@/config/log";
import { settings } from "@/config/settings";
import { closeDatabase, database } from "@/db/client";
import { closeRedis } from "@/server/redis";
import { startLiveServices } from "./live";

/**
 * Set for the release image's server.js (scripts/release/web-server.mjs): after the HTTP server has
 * stopped accepting and finished its requests, it stops the background work and closes the pools.
 */
const globalForDrain = globalThis as unknown as { __tasklaneDrain?: () => Promise<void> };

/** Start-up of the web process (instrumentation.ts): validated settings, a migrated database, live updates and workers. */
export async function startServerRuntime(): Promise<void> {
  const s = settings();
  await database();
  const live = await startLiveServices();
  globalForDrain.__tasklaneDrain = async () => {
    await live.stop();
    await closeRedis();
    await closeDatabase();
  };
  logger().info(
    {
      database: s.DATABASE_URL ? "postgresql" : "pglite",
      redis: Boolean(s.REDIS_URL),
      realtimePort: live.realtimePort,
      workers: Boolean(live.background),
    },
    "tasklane ready",
  );
}
