import { createHash } from "node:crypto";
import { logger } from "@/config/log";
import { redis } from "../redis";

// Keys carry the projects' data versions (their newest outbox row, written by every recorded change) and the local date, so an
// answer goes stale exactly when data or "today" changes; no invalidation is needed. The TTL only
// bounds memory and covers edits that record no event (a renamed user or status).
const TTL_SECONDS = 600;
const MAX_MEMORY_ENTRIES = 500;
const PREFIX = "tasklane:analytics:v1:";

type Entry = { value: string; expires: number };
const globalForCache = globalThis as unknown as { __tasklaneAnalyticsCache?: Map<string, Entry> };
const memory = (globalForCache.__tasklaneAnalyticsCache ??= new Map());

export function cacheKey(parts: (string | number)[]): string {
  return PREFIX + createHash("sha256").update(parts.join("|")).digest("base64url");
}

async function read(key: string): Promise<string | null> {
  const client = redis();
  if (client) return client.get(key);
  const hit = memory.get(key);
  if (!hit || hit.expires < Date.now()) return null;
  memory.delete(key);
  memory.set(key, hit); // most recently used last
  return hit.value;
}

async function write(key: string, value: string): Promise<void> {
  const client = redis();
  if (client) {
    await client.set(key, value, "EX", TTL_SECONDS);
    return;
  }
  memory.set(key, { value, expires: Date.now() + TTL_SECONDS * 1000 });
  while (memory.size > MAX_MEMORY_ENTRIES) memory.delete(memory.keys().next().value!);
}

/** The cached answer for key, else compute() stored under it. A cache outage only costs speed. */
export async function cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const hit = await read(key).catch((err: unknown) => {
    logger().warn({ err }, "analytics cache read failed");
    return null;
  });
  if (hit !== null) return JSON.parse(hit) as T;
  const value = await compute();
  await write(key, JSON.stringify(value)).catch((err: unknown) => logger().warn({ err }, "analytics cache write failed"));
  return value;
}
