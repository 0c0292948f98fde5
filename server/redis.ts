import { Redis } from "ioredis";
import { logger } from "@/config/log";
import { settings } from "@/config/settings";

const globalForRedis = globalThis as unknown as { __tasklaneRedis?: Redis | null; __tasklaneRedisSub?: Redis | null };

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

/**
 * A second connection for SUBSCRIBE (a subscribed connection can send nothing else), or null in the
 * embedded default. It queues until connected and resubscribes after a reconnect; closed with the shared one.
 */
export function redisSubscriber(): Redis | null {
  if (globalForRedis.__tasklaneRedisSub === undefined) {
    const client = redis();
    globalForRedis.__tasklaneRedisSub = client ? client.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null }) : null;
    globalForRedis.__tasklaneRedisSub?.on("error", () => undefined);
  }
  return globalForRedis.__tasklaneRedisSub;
}

export async function closeRedis(): Promise<void> {
  const client = globalForRedis.__tasklaneRedis;
  const sub = globalForRedis.__tasklaneRedisSub;
  globalForRedis.__tasklaneRedis = undefined;
  globalForRedis.__tasklaneRedisSub = undefined;
  if (sub) await sub.quit().catch(() => sub.disconnect());
  if (client) await client.quit().catch(() => client.disconnect());
}
