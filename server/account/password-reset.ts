import { and, eq, isNull, sql } from "drizzle-orm";
import { authTokens, users } from "@/db/schema";
import type { ServiceContext } from "../context";
import { withTransaction } from "../transaction";
import { hashPassword } from "../auth/password";
import { forgetRevokedTokens } from "../auth/actor-cache";
import { wakeEmailWorker } from "../email/jobs";
import { takeEmailQuota } from "../email/quota";
import { passwordResetEmail } from "./emails";
import { consumeLinkToken, issueLinkToken, retireLinkTokens } from "./tokens";
import { PasswordResetConfirmInput, PasswordResetRequestInput } from "./schemas";

export const PASSWORD_RESET_TTL_MS = 30 * 60_000;

/**
 * Queues a reset link when the address has an account and does nothing otherwise: the caller gets
 * the same answer either way, so the endpoint cannot tell who has an account.
 */
export async function requestPasswordReset(args: { ctx: ServiceContext; input: PasswordResetRequestInput }): Promise<void> {
  const input = PasswordResetRequestInput.parse(args.input);
  // The quota counts the address whether or not it has an account, so a 429 tells nothing either.
  await takeEmailQuota({ kind: "password-reset", address: input.email });
  const queued = await withTransaction(args.ctx, async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(sql`lower(${users.email}) = ${input.email}`)
      .limit(1);
    if (!user) return false;
    await issueLinkToken(tx, {
      userId: user.id,
      email: user.email,
      purpose: "password_reset",
      ttlMs: PASSWORD_RESET_TTL_MS,
      now: args.ctx.now,
      mail: passwordResetEmail,
    });
    return true;
  });
  if (queued) wakeEmailWorker();
}

/**
 * Sets the new password from a reset link: the link works once, every browser and API login session
 * of the account ends (personal access tokens stay), and the mailbox is proven, so the email counts
 * as verified.
 */
export async function confirmPasswordReset(args: { ctx: ServiceContext; input: PasswordResetConfirmInput }): Promise<void> {
  const input = PasswordResetConfirmInput.parse(args.input);
  const passwordHash = await hashPassword(input.password);
  const userId = await withTransaction(args.ctx, async (tx) => {
    const token = await consumeLinkToken(tx, { token: input.token, purpose: "password_reset", now: args.ctx.now });
    await retireLinkTokens(tx, { userId: token.userId, purpose: "password_reset", now: args.ctx.now });
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: args.ctx.now, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${args.ctx.now})` })
      .where(eq(users.id, token.userId));
    await tx
      .update(authTokens)
      .set({ revokedAt: args.ctx.now })
      .where(and(eq(authTokens.userId, token.userId), eq(authTokens.kind, "session"), isNull(authTokens.revokedAt)));
    return token.userId;
  });
  await forgetRevokedTokens({ userId });
}
