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

/**
 * Consumes one point; never throws for a refusal, only reports it. With `lease`, a Redis limiter
 * far from its ceiling takes LEASE points in one round trip and hands the rest out from memory,
 * so most requests skip Redis; near the ceiling every point goes to Redis, so refusals stay exact.
 */
export async function consume(l: RateLimiterAbstract, key: string, opts: { lease?: boolean } = {}): Promise<LimitState> {
  if (!opts.lease || !(l instanceof RateLimiterRedis)) return consumeRemote(l, key, 1);
  const id = `${l.keyPrefix}:${l.points}:${l.duration}:${key}`;
  for (;;) {
    const lease = leases.get(id);
    const now = Date.now();
    if (lease && lease.left > 0 && lease.resetAt > now) {
      lease.left--;
      return {
        limit: l.points,
        remaining: lease.remaining + lease.left,
        resetSeconds: Math.ceil((lease.resetAt - now) / 1000),
        allowed: true,
      };
    }
    const inflight = pending.get(id);
    if (!inflight) break;
    await inflight; // one lease at a time per key, so no leased point is dropped
  }
  const prev = leases.get(id);
  const size = prev && prev.resetAt > Date.now() && prev.remaining >= LEASE * 4 ? LEASE : 1;
  const taken = consumeRemote(l, key, size).then(async (state) => {
    if (!state.allowed && size > 1) {
      // Another process got there first: give the lease back and count this one point alone.
      await l.reward(key, size).catch(() => undefined);
      return consumeRemote(l, key, 1);
    }
    return state;
  });
  pending.set(
    id,
    taken.then(
      () => undefined,
      () => undefined,
    ),
  );
  try {
    const state = await taken;
    if (leases.size >= MAX_LEASES) leases.clear();
    const granted = state.allowed ? state.leased : 0;
    leases.set(id, { left: granted, remaining: state.remaining - granted, resetAt: Date.now() + state.resetSeconds * 1000 });
    return state;
  } finally {
    pending.delete(id);
  }
}

const LEASE = 10;
const MAX_LEASES = 50_000;
type Lease = { left: number; remaining: number; resetAt: number };
const globalForLeases = globalThis as unknown as {
  __tasklaneLeases?: Map<string, Lease>;
  __tasklaneLeasePending?: Map<string, Promise<void>>;
};
const leases = (globalForLeases.__tasklaneLeases ??= new Map());
const pending = (globalForLeases.__tasklaneLeasePending ??= new Map());

/** Takes `points` at once; the state is this request's (one point used, the others leased out). */
async function consumeRemote(l: RateLimiterAbstract, key: string, points: number): Promise<LimitState & { leased: number }> {
  try {
    const res = await l.consume(key, points);
    const leased = points - 1;
    const resetSeconds = Math.ceil(res.msBeforeNext / 1000);
    return { limit: l.points, remaining: res.remainingPoints + leased, resetSeconds, allowed: true, leased };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return {
        limit: l.points,
        remaining: 0,
        resetSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
        allowed: false,
        leased: 0,
      };
    }
    throw rejection;
  }
}
