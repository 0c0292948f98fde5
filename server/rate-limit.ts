import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { redis } from "./redis";

// Limiters live in Redis when it is configured (shared by every pod), in memory otherwise.
const globalForLimiters = globalThis as unknown as { __tasklaneLimiters?: Map<string, RateLimiterAbstract> };

export function limiter(name: string, points: number, durationSeconds: number): RateLimiterAbstract {
  const cache = (globalForLimiters.__tasklaneLimiters ??= new Map());
  const id = `${name}:${points}:${durationSeconds}`;
  let found = cache.get(id);
  if (!found) {
    const client = redis();
    const options = { keyPrefix: `rl:${name}`, points, duration: durationSeconds };
    found = client
      ? new RateLimiterRedis({ ...options, storeClient: client, insuranceLimiter: new RateLimiterMemory(options) })
      : new RateLimiterMemory(options);
    cache.set(id, found);
  }
  return found;
}

export type LimitState = { limit: number; remaining: number; resetSeconds: number; allowed: boolean };

/** Consumes one point; never throws for a refusal, only reports it. */
export async function consume(l: RateLimiterAbstract, key: string): Promise<LimitState> {
  try {
    const res = await l.consume(key, 1);
    return { limit: l.points, remaining: res.remainingPoints, resetSeconds: Math.ceil(res.msBeforeNext / 1000), allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return { limit: l.points, remaining: 0, resetSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)), allowed: false };
    }
    throw rejection;
  }
}
