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

/** Ready when the database (and Redis, when configured) answer within two seconds. */
export async function checkReadiness(): Promise<{ ok: boolean; checks: Record<string, "ok" | "fail"> }> {
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
  return { ok: Object.values(checks).every((c) => c === "ok"), checks };
}
