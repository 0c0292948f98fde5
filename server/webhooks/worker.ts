import { eq, inArray, sql } from "drizzle-orm";
import { database, type Database } from "@/db/client";
import { webhookDeliveries, webhooks } from "@/db/schema";
import { backoffMs } from "../jobs/backoff";
import { startLoop, type WorkLoop } from "../jobs/loop";
import { queryRows } from "../jobs/rows";
import { logger } from "@/config/log";
import { metrics } from "@/server/metrics";
import { settings } from "@/config/settings";
import { disableWebhook } from "./disable";
import { signature } from "./sign";
import { assertPublicUrl } from "./url-guard";

const globalForHooks = globalThis as unknown as { __tasklaneWebhookLoop?: WorkLoop };
const BATCH = 10;
const TIMEOUT_MS = 10_000;

export function wakeWebhookWorker(): void {
  globalForHooks.__tasklaneWebhookLoop?.wake();
}

export function startWebhookWorker(): WorkLoop {
  const loop = startLoop("webhooks", settings().DISPATCH_POLL_MS, deliverDueWebhooks);
  globalForHooks.__tasklaneWebhookLoop = loop;
  return {
    wake: loop.wake,
    stop: async () => {
      if (globalForHooks.__tasklaneWebhookLoop === loop) globalForHooks.__tasklaneWebhookLoop = undefined;
      await loop.stop();
    },
  };
}

/**
 * Claims due deliveries, only the oldest pending one of each webhook (so a receiver sees events in
 * order, and a failing one holds back the rest until it succeeds or is given up). The claim lapses
 * after a minute if this worker dies; the attempt is counted up front.
 */
async function claim(db: Database) {
  const claimed = await queryRows<{ id: string }>(
    db,
    sql`
    update webhook_deliveries set locked_until = now() + interval '60 seconds', attempts = attempts + 1
    where id in (
      select d.id from webhook_deliveries d join webhooks w on w.id = d.webhook_id
      where d.status = 'pending' and w.disabled_at is null and d.next_attempt_at <= now()
        and (d.locked_until is null or d.locked_until < now())
        and not exists (select 1 from webhook_deliveries p where p.webhook_id = d.webhook_id and p.status = 'pending' and p.event_id < d.event_id)
      order by d.next_attempt_at limit ${BATCH}
      for update of d skip locked)
    returning id`,
  );
  if (claimed.length === 0) return [];
  return db
    .select({ delivery: webhookDeliveries, url: webhooks.url, secret: webhooks.secret })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(
      inArray(
        webhookDeliveries.id,
        claimed.map((c) => c.id),
      ),
    );
}

export async function deliverDueWebhooks(): Promise<boolean> {
  const db = await database();
  const due = await claim(db);
  await Promise.all(due.map((d) => deliverOne(db, d.delivery, d.url, d.secret)));
  return due.length === BATCH;
}

async function post(
  url: string,
  secret: string,
  delivery: typeof webhookDeliveries.$inferSelect,
): Promise<{ status: number | null; error: string | null }> {
  try {
    await assertPublicUrl(url);
    const res = await fetch(url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        "content-type": "application/json",
        "user-agent": "Tasklane-Webhooks/1",
        "x-signature": signature(secret, delivery.body),
        "x-tasklane-event": delivery.eventType,
        "x-tasklane-delivery": delivery.id,
      },
      body: delivery.body,
    });
    await res.body?.cancel().catch(() => undefined);
    return { status: res.status, error: res.ok ? null : `HTTP ${res.status}` };
  } catch (err) {
    return { status: null, error: (err as Error).message.slice(0, 300) };
  }
}

async function deliverOne(db: Database, delivery: typeof webhookDeliveries.$inferSelect, url: string, secret: string): Promise<void> {
  const { status, error } = await post(url, secret, delivery);
  if (status !== null && status >= 200 && status < 300) {
    await db
      .update(webhookDeliveries)
      .set({ status: "succeeded", lastStatusCode: status, lastError: null, lockedUntil: null, completedAt: sql`now()` })
      .where(eq(webhookDeliveries.id, delivery.id));
    return;
  }
  const s = settings();
  const giveUp = delivery.attempts >= s.WEBHOOK_MAX_ATTEMPTS;
  logger().warn(
    { webhookId: delivery.webhookId, eventId: delivery.eventId, attempts: delivery.attempts, status, giveUp },
    "webhook delivery failed",
  );
  metrics().webhookFailures.inc({ final: String(giveUp) });
  await db
    .update(webhookDeliveries)
    .set({
      lastStatusCode: status,
      lastError: error,
      lockedUntil: null,
      ...(giveUp
        ? { status: "failed" as const, completedAt: sql`now()` }
        : { nextAttemptAt: sql`now() + ${backoffMs(s.WEBHOOK_RETRY_BASE_MS, delivery.attempts)} * interval '1 millisecond'` }),
    })
    .where(eq(webhookDeliveries.id, delivery.id));
  if (giveUp)
    await disableWebhook(
      db,
      delivery.webhookId,
      `Disabled after ${delivery.attempts} failed attempts to deliver event ${delivery.eventId} (${error ?? "error"})`,
    );
}
