import { z } from "zod";
import { Password } from "../auth/password";

const Email = z.string().trim().toLowerCase().email("must be an email address").max(254);
const LinkToken = z.string().min(1, "is required").max(200);

export const PasswordResetRequestInput = z.object({ email: Email }).meta({ id: "PasswordResetRequestInput" });
export type PasswordResetRequestInput = z.infer<typeof PasswordResetRequestInput>;

export const PasswordResetConfirmInput = z.object({ token: LinkToken, password: Password }).meta({ id: "PasswordResetConfirmInput" });
export type PasswordResetConfirmInput = z.infer<typeof PasswordResetConfirmInput>;

export const VerifyEmailInput = z.object({ token: LinkToken }).meta({ id: "VerifyEmailInput" });
export type VerifyEmailInput = z.infer<typeof VerifyEmailInput>;

/** A 6-digit TOTP code; spaces are forgiven (authenticator apps show "123 456"). */
export const OtpCode = z
  .string()
  .transform((v) => v.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "must be the 6-digit code from your authenticator app"));

export const RecoveryCode = z.string().trim().min(1).max(40);

export const TwoFactorEnrollment = z
  .object({ secret: z.string(), otpauthUrl: z.string(), qrCodeDataUrl: z.string() })
  .meta({ id: "TwoFactorEnrollment" });
export type TwoFactorEnrollment = z.infer<typeof TwoFactorEnrollment>;

export const TwoFactorConfirmInput = z.object({ otp: OtpCode }).meta({ id: "TwoFactorConfirmInput" });
export type TwoFactorConfirmInput = z.infer<typeof TwoFactorConfirmInput>;

export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) }).meta({ id: "RecoveryCodes" });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

export const TwoFactorDisableInput = z
  .object({ otp: OtpCode.optional(), recoveryCode: RecoveryCode.optional() })
  .refine((v) => v.otp !== undefined || v.recoveryCode !== undefined, { path: ["otp"], message: "is required (or a recoveryCode)" })
  .meta({ id: "TwoFactorDisableInput" });
export type TwoFactorDisableInput = z.infer<typeof TwoFactorDisableInput>;

export const ACCOUNT_PROBLEMS = {
  twoFactorRequired: "two-factor-required",
  twoFactorInvalid: "two-factor-invalid",
  twoFactorEnrollmentRequired: "two-factor-enrollment-required",
  invalidToken: "invalid-token",
} as const;
