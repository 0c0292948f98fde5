import { emailJobs } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Email } from "./send";

/**
 * Queues an email in the caller's transaction: it leaves only if the change commits, through the
 * retried, idempotent sender (server/email/jobs.ts). Call wakeEmailWorker() after the commit.
 */
export async function enqueueEmail(
  tx: Database,
  email: Email & { userId?: string | null; invitationId?: string | null },
): Promise<string | undefined> {
  const [row] = await tx
    .insert(emailJobs)
    .values({
      idempotencyKey: email.idempotencyKey,
      userId: email.userId ?? null,
      invitationId: email.invitationId ?? null,
      to: email.to,
      subject: email.subject.slice(0, 200),
      html: email.html,
      text: email.text,
    })
    .onConflictDoNothing()
    .returning({ id: emailJobs.id });
  return row?.id;
}
