import { Redis } from "ioredis";
import { settings } from "./settings";

const globalForRedis = globalThis as unknown as { __tasklaneRedis?: Redis | null };

/** The shared Redis connection, or null in the embedded default. */
export function redis(): Redis | null {
  if (globalForRedis.__tasklaneRedis === undefined) {
    const url = settings().REDIS_URL;
    globalForRedis.__tasklaneRedis = url ? new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false }) : null;
  }
  return globalForRedis.__tasklaneRedis;
}

export async function closeRedis(): Promise<void> {
  const client = globalForRedis.__tasklaneRedis;
  globalForRedis.__tasklaneRedis = undefined;
  if (client) await client.quit().catch(() => client.disconnect());
}
