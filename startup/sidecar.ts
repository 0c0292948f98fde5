import { logger } from "@/config/log";
import { settings } from "@/config/settings";
import { closeDatabase, database } from "@/db/client";
import { startRealtimeServer } from "@/realtime/server";

/**
 * Start-up of the Socket.IO sidecar (realtime/main.ts). Needs DATABASE_URL and REDIS_URL; run as many
 * as wanted. SIGTERM/SIGINT drain: clients are told to reconnect elsewhere, then the process exits.
 */
export async function startRealtimeSidecar(): Promise<void> {
  const s = settings();
  if (!s.REDIS_URL || !s.DATABASE_URL) {
    console.error(
      "The realtime sidecar needs DATABASE_URL and REDIS_URL. Without them, `npm start` serves Socket.IO itself on REALTIME_PORT.",
    );
    process.exit(1);
  }
  await database();
  const server = await startRealtimeServer({ port: s.REALTIME_PORT, redisUrl: s.REDIS_URL });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger().info({ signal }, "realtime draining");
    setTimeout(() => process.exit(1), 15_000).unref();
    void server
      .drain()
      .then(() => closeDatabase())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
