import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, or, lt, sql } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import type { Database } from "@/db/client";
import { recoveryCodes, users } from "@/db/schema";
import type { ServiceContext } from "../context";
import { recordUserAudit } from "../audit";
import { isSealed, openTotpSecret, sealTotpSecret } from "./totp-secret";

// RFC 6238 with the parameters every authenticator app understands: SHA-1, 6 digits, 30 s.
const PERIOD = 30;
export const RECOVERY_CODE_COUNT = 10;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpFor(secret: string, label: string): TOTP {
  return new TOTP({ issuer: "Tasklane", label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

/** The time step a code belongs to (±1 step of clock drift), or null when it is wrong. */
export function matchingStep(secret: string, code: string, now: Date): number | null {
  const delta = totpFor(secret, "x").validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

/**
 * Accepts a code once: its step must be newer than the last accepted one (no replay within the window).
 * `stored` is the column's value (sealed, or a secret from before sealing, which gets sealed now).
 */
export async function acceptTotp(tx: Database, args: { userId: string; stored: string; code: string; now: Date }): Promise<boolean> {
  const secret = openTotpSecret(args.stored);
  const step = secret === null ? null : matchingStep(secret, args.code, args.now);
  if (step === null) return false;
  const updated = await tx
    .update(users)
    .set({ totpLastStep: step, ...(isSealed(args.stored) ? {} : { totpSecret: sealTotpSecret(secret!) }) })
    .where(and(eq(users.id, args.userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return updated.length === 1;
}

function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normalizeRecoveryCode(code)).digest("hex");
}

/** Replaces the user's recovery codes with ten new ones ("xxxxx-xxxxx"); only hashes are stored. */
export async function issueRecoveryCodes(tx: Database, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = randomBytes(8).toString("hex").slice(0, 10);
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })));
  return codes;
}

/** Uses up one recovery code; false when it is unknown or already used. */
export async function consumeRecoveryCode(tx: Database, args: { userId: string; code: string; now: Date }): Promise<boolean> {
  const used = await tx
    .update(recoveryCodes)
    .set({ usedAt: args.now })
    .where(
      and(eq(recoveryCodes.userId, args.userId), eq(recoveryCodes.codeHash, hashRecoveryCode(args.code)), isNull(recoveryCodes.usedAt)),
    )
    .returning({ id: recoveryCodes.id });
  return used.length === 1;
}

export async function remainingRecoveryCodes(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return Number(row?.n ?? 0);
}

/**
 * A second factor for a user with 2FA on: a TOTP code or a recovery code. Using up a recovery code is
 * audited (in the caller's transaction): it means the authenticator was not at hand, or someone else had the code.
 */
export async function acceptSecondFactor(
  tx: Database,
  ctx: ServiceContext,
  args: { userId: string; stored: string; otp?: string; recoveryCode?: string },
): Promise<boolean> {
  const { userId } = args;
  const now = ctx.now;
  if (args.otp) return acceptTotp(tx, { userId, stored: args.stored, code: args.otp, now });
  if (!args.recoveryCode || !(await consumeRecoveryCode(tx, { userId, code: args.recoveryCode, now }))) return false;
  const recoveryCodesLeft = await remainingRecoveryCodes(tx, userId);
  await recordUserAudit(tx, ctx, userId, {
    type: "two_factor.recovery_code_used",
    target: { type: "user", id: userId },
    data: { recoveryCodesLeft },
  });
  return true;
}
