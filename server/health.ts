import { sql } from "drizzle-orm";
import { database } from "@/db/client";
import { redis, redisReady } from "./redis";

async function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), ms)));
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Ready when the database answers within two seconds. Redis is reported but does not decide: without it
 * the app still serves every request (rate limits fall back to per-process memory, caches to the
 * database, live updates wait in the outbox), so taking every pod out of the load balancer for a Redis
 * outage would turn a degraded service into none (`degraded`).
 */
export async function checkReadiness(): Promise<{ ok: boolean; degraded: boolean; checks: Record<string, "ok" | "fail"> }> {
  const checks: Record<string, "ok" | "fail"> = {};
  checks.database = await within(2000, (async () => (await database()).execute(sql`select 1`))()).then(
    () => "ok" as const,
    () => "fail" as const,
  );
  const client = redis();
  if (client)
    checks.redis = await within(
      2000,
      redisReady(client, 2000).then(() => client.ping()),
    ).then(
      () => "ok" as const,
      () => "fail" as const,
    );
  return { ok: checks.database === "ok", degraded: checks.redis === "fail", checks };
}
