import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accountTokens, emailJobs } from "@/db/schema";
import { hashToken } from "../auth/tokens";
import { randomBytes } from "node:crypto";
import { ServiceError } from "../errors";
import { ACCOUNT_PROBLEMS } from "./schemas";

type Purpose = (typeof accountTokens.$inferSelect)["purpose"];
const PREFIX: Record<Purpose, string> = { password_reset: "tlr_", email_verification: "tlv_" };

/**
 * Issues a single-use link token and queues its email in the caller's transaction: the request commits
 * whether or not the provider answers, and the email worker delivers (and retries) afterwards.
 */
export async function issueLinkToken(
  tx: Database,
  args: {
    userId: string;
    email: string;
    purpose: Purpose;
    ttlMs: number;
    now: Date;
    mail: (token: string) => { subject: string; html: string; text: string };
  },
): Promise<void> {
  const token = PREFIX[args.purpose] + randomBytes(32).toString("base64url");
  const [row] = await tx
    .insert(accountTokens)
    .values({
      userId: args.userId,
      purpose: args.purpose,
      email: args.email,
      tokenHash: hashToken(token),
      createdAt: args.now,
      expiresAt: new Date(args.now.getTime() + args.ttlMs),
    })
    .returning({ id: accountTokens.id });
  await tx
    .insert(emailJobs)
    .values({ idempotencyKey: `${args.purpose}:${row!.id}`, userId: args.userId, to: args.email, ...args.mail(token) });
}

/** Marks the token used and returns it; unknown, used and expired tokens all get the same 400. */
export async function consumeLinkToken(tx: Database, args: { token: string; purpose: Purpose; now: Date }) {
  const [row] = await tx
    .update(accountTokens)
    .set({ usedAt: args.now })
    .where(and(eq(accountTokens.tokenHash, hashToken(args.token)), eq(accountTokens.purpose, args.purpose), isNull(accountTokens.usedAt)))
    .returning();
  if (!row || row.expiresAt <= args.now) {
    throw new ServiceError("BAD_REQUEST", "This link is invalid or has expired; ask for a new one", {
      type: ACCOUNT_PROBLEMS.invalidToken,
    });
  }
  return row;
}

/** Other outstanding links of the same purpose stop working (a reset or verification happened). */
export async function retireLinkTokens(tx: Database, args: { userId: string; purpose: Purpose; now: Date }): Promise<void> {
  await tx
    .update(accountTokens)
    .set({ usedAt: args.now })
    .where(and(eq(accountTokens.userId, args.userId), eq(accountTokens.purpose, args.purpose), isNull(accountTokens.usedAt)));
}
