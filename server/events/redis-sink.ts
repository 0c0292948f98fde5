import { Emitter } from "@socket.io/redis-emitter";
import { Redis } from "ioredis";
import type { RealtimeSink } from "./sink";

export const OUTBOX_SERVER_EVENT = "tasklane:outbox" as const;

/**
 * Publishes through @socket.io/redis-emitter. The emitter does not await Redis, so it is given a
 * client whose publish we keep: a message counts as sent only when Redis accepted it. No offline
 * queue: while Redis is down a publish fails at once and the dispatcher backs off and retries.
 */
export function redisSink(url: string): RealtimeSink {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 3000, lazyConnect: false });
  redis.on("error", () => undefined); // reconnects by itself; failures surface as rejected publishes
  let last: Promise<unknown> = Promise.resolve();
  const client = {
    publish: (channel: string, message: string | Buffer) => {
      last = redis.publish(channel, message);
      return last;
    },
  };
  const emitter = new Emitter(client);
  return {
    async publishEvent(message) {
      emitter.serverSideEmit(OUTBOX_SERVER_EVENT, message);
      await last;
    },
    async publishToUser(userId, event, body) {
      emitter.to(`user:${userId}`).emit(event, body);
      await last;
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
