import { desc, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { emailJobs, type invitations } from "@/db/schema";
import type { InvitationDelivery, PendingInvitation } from "./schemas";

type JobRow = Pick<typeof emailJobs.$inferSelect, "sentAt" | "failedAt" | "lastError" | "lastAttemptAt" | "attempts">;

/** The newest email job of an invitation → what the inviter sees: pending (queued or retrying), sent, or failed with the reason. */
export function deliveryOf(job: JobRow | undefined): InvitationDelivery {
  if (!job) return { status: "pending", error: null, attemptedAt: null, attempts: 0 };
  return {
    status: job.sentAt ? "sent" : job.failedAt ? "failed" : "pending",
    error: job.sentAt ? null : job.lastError,
    attemptedAt: job.lastAttemptAt?.toISOString() ?? null,
    attempts: job.attempts,
  };
}

/** Invitation rows with the delivery status of each one's newest email. */
export async function withDelivery(db: Database, rows: (typeof invitations.$inferSelect)[]): Promise<PendingInvitation[]> {
  const ids = rows.map((r) => r.id);
  const jobs = ids.length
    ? await db
        .select({
          invitationId: emailJobs.invitationId,
          sentAt: emailJobs.sentAt,
          failedAt: emailJobs.failedAt,
          lastError: emailJobs.lastError,
          lastAttemptAt: emailJobs.lastAttemptAt,
          attempts: emailJobs.attempts,
        })
        .from(emailJobs)
        .where(inArray(emailJobs.invitationId, ids))
        .orderBy(desc(emailJobs.createdAt))
    : [];
  const newest = new Map<string, JobRow>();
  for (const j of jobs) if (j.invitationId && !newest.has(j.invitationId)) newest.set(j.invitationId, j);
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    expiresAt: r.expiresAt.toISOString(),
    delivery: deliveryOf(newest.get(r.id)),
  }));
}
