import { eq, inArray, sql } from "drizzle-orm";
import { database, type Database } from "@/db/client";
import { emailJobs, mailboxMessages } from "@/db/schema";
import { backoffMs } from "../jobs/backoff";
import { startLoop, type WorkLoop } from "../jobs/loop";
import { queryRows } from "../jobs/rows";
import { logger } from "@/config/log";
import { metrics } from "@/server/metrics";
import { settings } from "@/config/settings";
import { sendThroughResend, usesResend, type SendResult } from "./send";

const globalForEmail = globalThis as unknown as { __tasklaneEmailLoop?: WorkLoop };
const BATCH = 10;

export function wakeEmailWorker(): void {
  globalForEmail.__tasklaneEmailLoop?.wake();
}

/** Sends queued email with retries; several workers may run, each job is claimed by one at a time. */
export function startEmailWorker(): WorkLoop {
  const loop = startLoop("email", settings().DISPATCH_POLL_MS, sendDueEmails);
  globalForEmail.__tasklaneEmailLoop = loop;
  return {
    wake: loop.wake,
    stop: async () => {
      if (globalForEmail.__tasklaneEmailLoop === loop) globalForEmail.__tasklaneEmailLoop = undefined;
      await loop.stop();
    },
  };
}

/** Claims due jobs for a minute (a crashed worker's claim lapses), counting the attempt up front. */
async function claim(db: Database): Promise<(typeof emailJobs.$inferSelect)[]> {
  const claimed = await queryRows<{ id: string }>(
    db,
    sql`
    update email_jobs set locked_until = now() + interval '60 seconds', attempts = attempts + 1, last_attempt_at = now()
    where id in (
      select id from email_jobs
      where sent_at is null and failed_at is null and next_attempt_at <= now() and (locked_until is null or locked_until < now())
      order by next_attempt_at limit ${BATCH}
      for update skip locked)
    returning id`,
  );
  const ids = claimed.map((r) => r.id);
  return ids.length ? db.select().from(emailJobs).where(inArray(emailJobs.id, ids)) : [];
}

export async function sendDueEmails(): Promise<boolean> {
  const db = await database();
  const jobs = await claim(db);
  for (const job of jobs) await sendOne(db, job);
  return jobs.length === BATCH;
}

async function sendOne(db: Database, job: typeof emailJobs.$inferSelect): Promise<void> {
  if (!usesResend()) {
    // The local mailbox: the message and "sent" commit together, so it lands exactly once.
    await db.transaction(async (tx) => {
      await tx.insert(mailboxMessages).values({ to: job.to.toLowerCase(), subject: job.subject, html: job.html, text: job.text });
      await tx
        .update(emailJobs)
        .set({ sentAt: sql`now()`, lockedUntil: null })
        .where(eq(emailJobs.id, job.id));
    });
    return;
  }
  let result: SendResult;
  try {
    result = await sendThroughResend({
      to: job.to,
      subject: job.subject,
      html: job.html,
      text: job.text,
      idempotencyKey: job.idempotencyKey,
    });
  } catch (err) {
    result = { ok: false, retryable: true, status: null, error: (err as Error).message };
  }
  if (result.ok) {
    await db
      .update(emailJobs)
      .set({ sentAt: sql`now()`, lockedUntil: null, providerId: result.id, lastError: null })
      .where(eq(emailJobs.id, job.id));
    return;
  }
  const s = settings();
  const giveUp = !result.retryable || job.attempts >= s.EMAIL_MAX_ATTEMPTS;
  const delay = Math.max(result.retryAfterMs ?? 0, backoffMs(s.EMAIL_RETRY_BASE_MS, job.attempts));
  logger().warn({ to: job.to, status: result.status, attempts: job.attempts, giveUp, err: result.error }, "email not sent");
  metrics().emailFailures.inc({ final: String(giveUp) });
  await db
    .update(emailJobs)
    .set({
      lockedUntil: null,
      lastError: `${result.status ?? "network"}: ${result.error}`.slice(0, 500),
      ...(giveUp ? { failedAt: sql`now()` } : { nextAttemptAt: sql`now() + ${delay} * interval '1 millisecond'` }),
    })
    .where(eq(emailJobs.id, job.id));
}
