import { logger } from "@/config/log";
import { redis, redisSubscriber } from "../redis";
import type { Actor } from "../context";
import { lookupToken } from "./actor-for-token";
import { hashToken } from "./tokens";

// Bearer token → actor, kept briefly in this process so an API request does not pay a database
// round trip for its credentials. A revocation evicts here at once and, through Redis, in every
// other process (web pods); TTL_MS bounds what a lost message could leave behind.
export const ACTOR_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;
const CHANNEL = "tasklane:tokens-revoked";

type Entry = { actor: Extract<Actor, { tokenId: string }>; until: number };
export type Revoked = { tokenId?: string; tokenHash?: string; userId?: string };

const g = globalThis as unknown as { __tasklaneActorCache?: Map<string, Entry>; __tasklaneActorCacheSubscribed?: boolean };
const cache = () => (g.__tasklaneActorCache ??= new Map());

/** actorForToken, answered from memory for up to TTL_MS (never past the token's own expiry). */
export async function cachedActorForToken(token: string, now = Date.now()): Promise<Actor | null> {
  const hash = hashToken(token);
  const hit = cache().get(hash);
  if (hit && hit.until > now) return { ...hit.actor };
  if (hit) cache().delete(hash);
  subscribeOnce();
  const found = await lookupToken(token, new Date(now), hash);
  if (!found) return null;
  const { actor, expiresAt } = found;
  if (cache().size >= MAX_ENTRIES) cache().delete(cache().keys().next().value!);
  cache().set(hash, { actor, until: Math.min(now + ACTOR_CACHE_TTL_MS, expiresAt?.getTime() ?? Infinity) });
  return actor;
}

/** Call after revoking tokens: evicts them here now and tells the other processes. */
export async function forgetRevokedTokens(revoked: Revoked): Promise<void> {
  evict(revoked);
  const client = redis();
  if (client) await client.publish(CHANNEL, JSON.stringify(revoked)).catch(() => undefined);
}

function evict(r: Revoked): void {
  if (r.tokenHash) cache().delete(r.tokenHash);
  if (!r.tokenId && !r.userId) return;
  for (const [hash, e] of cache()) {
    if ((r.tokenId && e.actor.tokenId === r.tokenId) || (r.userId && e.actor.userId === r.userId)) cache().delete(hash);
  }
}

function subscribeOnce(): void {
  if (g.__tasklaneActorCacheSubscribed) return;
  g.__tasklaneActorCacheSubscribed = true;
  const sub = redisSubscriber();
  if (!sub) return;
  // Messages are missed while the subscription is down: drop everything whenever it comes back.
  sub.on("ready", () => cache().clear());
  sub.on("message", (channel: string, message: string) => {
    if (channel !== CHANNEL) return;
    try {
      evict(JSON.parse(message) as Revoked);
    } catch (err) {
      logger().warn({ err }, "bad token revocation message");
    }
  });
  void sub.subscribe(CHANNEL).catch(() => undefined);
}
