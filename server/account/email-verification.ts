import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { ConflictError, NotFoundError } from "../errors";
import { wakeEmailWorker } from "../email/jobs";
import { verificationEmail } from "./emails";
import { consumeLinkToken, issueLinkToken, retireLinkTokens } from "./tokens";
import { VerifyEmailInput } from "./schemas";

export const VERIFICATION_TTL_MS = 7 * 86_400_000;

/** Queues a verification link in the caller's transaction (sign-up, resend); wake the email worker after commit. */
export async function queueVerificationEmail(tx: Database, args: { userId: string; email: string; now: Date }): Promise<void> {
  await issueLinkToken(tx, { ...args, purpose: "email_verification", ttlMs: VERIFICATION_TTL_MS, mail: verificationEmail });
}

/** The signed-in user asks for a new link; older links keep working until they expire or one is used. */
export async function resendVerificationEmail(args: { ctx: ServiceContext }): Promise<void> {
  const userId = requireUserId(args.ctx);
  await withTransaction(args.ctx, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).limit(1);
    if (!user) throw new NotFoundError("User");
    if (user.emailVerifiedAt) throw new ConflictError("Your email address is already verified");
    await queueVerificationEmail(tx, { userId, email: user.email, now: args.ctx.now });
  });
  wakeEmailWorker();
}

/** The link proves the address it was sent to; anyone holding it may use it (no sign-in needed), once. */
export async function verifyEmail(args: { ctx: ServiceContext; input: VerifyEmailInput }): Promise<void> {
  const input = VerifyEmailInput.parse(args.input);
  await withTransaction(args.ctx, async (tx) => {
    const token = await consumeLinkToken(tx, { token: input.token, purpose: "email_verification", now: args.ctx.now });
    await retireLinkTokens(tx, { userId: token.userId, purpose: "email_verification", now: args.ctx.now });
    await markEmailVerified(tx, { userId: token.userId, email: token.email, now: args.ctx.now });
  });
}

/** Verifies the account's email when `email` is still its address (an invitation or SSO login proved it too). */
export async function markEmailVerified(tx: Database, args: { userId: string; email: string; now: Date }): Promise<void> {
  const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, args.userId)).limit(1);
  if (!user || user.email.toLowerCase() !== args.email.toLowerCase()) return;
  await tx
    .update(users)
    .set({ emailVerifiedAt: args.now })
    .where(and(eq(users.id, args.userId), isNull(users.emailVerifiedAt)));
}
