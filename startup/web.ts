import { logger } from "@/config/log";
import { settings } from "@/config/settings";
import { database } from "@/db/client";
import { startLiveServices } from "./live";

/** Start-up of the web process (instrumentation.ts): validated settings, a migrated database, live updates and workers. */
export async function startServerRuntime(): Promise<void> {
  const s = settings();
  await database();
  const live = await startLiveServices();
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
