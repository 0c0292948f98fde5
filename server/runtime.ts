import { database } from "@/db/client";
import { logger } from "./log";
import { settings } from "./settings";

/** Start-up of the web process: validated settings, a migrated database. */
export async function startServerRuntime(): Promise<void> {
  const s = settings();
  await database();
  logger().info({ database: s.DATABASE_URL ? "postgresql" : "pglite", redis: Boolean(s.REDIS_URL) }, "tasklane ready");
}
