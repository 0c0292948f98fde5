import { Redis } from "ioredis";
import { logger } from "@/config/log";
import { settings } from "@/config/settings";

const globalForRedis = globalThis as unknown as { __tasklaneRedis?: Redis | null };

/**
 * The shared Redis connection (rate limits, caches), or null in the embedded default.
 * Commands fail fast while Redis is away instead of queueing, so requests fall back to the
 * in-memory insurance limiter and uncached answers rather than waiting on reconnects.
 */
export function redis(): Redis | null {
  if (globalForRedis.__tasklaneRedis === undefined) {
    const url = settings().REDIS_URL;
    if (!url) {
      globalForRedis.__tasklaneRedis = null;
    } else {
      const client = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: 1000, lazyConnect: false });
      let lastWarned = 0;
      client.on("error", (err: Error) => {
        if (Date.now() - lastWarned < 10_000) return;
        lastWarned = Date.now();
        logger().warn({ err: err.message }, "redis unavailable; falling back to memory limits and no cache");
      });
      globalForRedis.__tasklaneRedis = client;
    }
  }
  return globalForRedis.__tasklaneRedis;
}

/** Resolves once the connection is up (commands fail fast before that); rejects after ms. */
export function redisReady(client: Redis, ms: number): Promise<void> {
  if (client.status === "ready") return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off("ready", onReady);
      reject(new Error("redis not ready"));
    }, ms);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    client.once("ready", onReady);
  });
}

export async function closeRedis(): Promise<void> {
  const client = globalForRedis.__tasklaneRedis;
  globalForRedis.__tasklaneRedis = undefined;
  if (client) await client.quit().catch(() => client.disconnect());
}
