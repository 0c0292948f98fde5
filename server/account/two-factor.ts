import { eq } from "drizzle-orm";
import QRCode from "qrcode";
import { recoveryCodes, users } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor, requireUserId, withTransaction } from "../transaction";
import { ConflictError, NotFoundError, ServiceError } from "../errors";
import { recordUserAudit } from "../audit";
import { sealTotpSecret } from "./totp-secret";
import { acceptSecondFactor, acceptTotp, issueRecoveryCodes, newTotpSecret, remainingRecoveryCodes, totpFor } from "./totp";
import { ACCOUNT_PROBLEMS, TwoFactorConfirmInput, TwoFactorDisableInput, type RecoveryCodes, type TwoFactorEnrollment } from "./schemas";

function invalidCode(): ServiceError {
  return new ServiceError("VALIDATION", "The code is not valid", {
    type: ACCOUNT_PROBLEMS.twoFactorInvalid,
    errors: [{ path: "otp", message: "is not a valid code" }],
  });
}

export async function twoFactorStatus(args: { ctx: ServiceContext }): Promise<{ enabled: boolean; recoveryCodesLeft: number }> {
  const userId = requireUserId(args.ctx);
  const db = await dbFor(args.ctx);
  const [user] = await db.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId)).limit(1);
  return { enabled: Boolean(user?.enabledAt), recoveryCodesLeft: user?.enabledAt ? await remainingRecoveryCodes(db, userId) : 0 };
}

/** Starts (or restarts) enrolment: a new secret, shown as a QR code; 2FA is on only after a confirmed code. */
export async function startTwoFactorEnrollment(args: { ctx: ServiceContext }): Promise<TwoFactorEnrollment> {
  const userId = requireUserId(args.ctx);
  const secret = newTotpSecret();
  const email = await withTransaction(args.ctx, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update").limit(1);
    if (!user) throw new NotFoundError("User");
    if (user.totpEnabledAt) throw new ConflictError("Two-factor authentication is already on; turn it off first");
    await tx
      .update(users)
      .set({ totpSecret: sealTotpSecret(secret), totpLastStep: null })
      .where(eq(users.id, userId));
    return user.email;
  });
  const otpauthUrl = totpFor(secret, email).toString();
  return { secret, otpauthUrl, qrCodeDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 }) };
}

/** A code from the app proves it holds the secret: 2FA turns on and ten recovery codes are shown, once. */
export async function confirmTwoFactorEnrollment(args: { ctx: ServiceContext; input: TwoFactorConfirmInput }): Promise<RecoveryCodes> {
  const userId = requireUserId(args.ctx);
  const input = TwoFactorConfirmInput.parse(args.input);
  return withTransaction(args.ctx, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update").limit(1);
    if (!user) throw new NotFoundError("User");
    if (user.totpEnabledAt) throw new ConflictError("Two-factor authentication is already on");
    if (!user.totpSecret) throw new ConflictError("Start enrolment first");
    if (!(await acceptTotp(tx, { userId, stored: user.totpSecret, code: input.otp, now: args.ctx.now }))) throw invalidCode();
    await tx.update(users).set({ totpEnabledAt: args.ctx.now, updatedAt: args.ctx.now }).where(eq(users.id, userId));
    await recordUserAudit(tx, args.ctx, userId, { type: "two_factor.enabled", target: { type: "user", id: userId } });
    return { recoveryCodes: await issueRecoveryCodes(tx, userId) };
  });
}

/** Turning 2FA off needs a current code or a recovery code, so a stolen session alone cannot. */
export async function disableTwoFactor(args: { ctx: ServiceContext; input: TwoFactorDisableInput }): Promise<void> {
  const userId = requireUserId(args.ctx);
  const input = TwoFactorDisableInput.parse(args.input);
  await withTransaction(args.ctx, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update").limit(1);
    if (!user) throw new NotFoundError("User");
    if (!user.totpEnabledAt || !user.totpSecret) throw new ConflictError("Two-factor authentication is not on");
    const ok = await acceptSecondFactor(tx, args.ctx, {
      userId,
      stored: user.totpSecret,
      otp: input.otp,
      recoveryCode: input.recoveryCode,
    });
    if (!ok) throw invalidCode();
    await tx
      .update(users)
      .set({ totpEnabledAt: null, totpSecret: null, totpLastStep: null, updatedAt: args.ctx.now })
      .where(eq(users.id, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await recordUserAudit(tx, args.ctx, userId, { type: "two_factor.disabled", target: { type: "user", id: userId } });
  });
}
