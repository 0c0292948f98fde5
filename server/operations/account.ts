import { z } from "zod";
import { defineOperation } from "./define";
import {
  PasswordResetConfirmInput,
  PasswordResetRequestInput,
  RecoveryCodes,
  TwoFactorConfirmInput,
  TwoFactorDisableInput,
  TwoFactorEnrollment,
  VerifyEmailInput,
} from "../account/schemas";

const tag = "Account security";
const Accepted = z.object({ message: z.string() }).meta({ id: "Accepted" });

export const requestPasswordResetOp = defineOperation({
  method: "POST",
  path: "/api/v1/auth/password-reset",
  tag,
  auth: "public",
  summary:
    "Email a password reset link (single use, valid 30 minutes). The answer is 202 whether or not the address has an account; " +
    "the email is queued, so the request succeeds even while the email provider is down",
  body: PasswordResetRequestInput,
  response: Accepted,
  status: 202,
  errors: [400, 415, 422, 429],
});
export const confirmPasswordResetOp = defineOperation({
  method: "POST",
  path: "/api/v1/auth/password-reset/confirm",
  tag,
  auth: "public",
  summary:
    "Set a new password with the token from the reset email. Ends every login session of the account (personal access tokens stay). " +
    "An unknown, used or expired token is 400 with type `https://tasklane.dev/problems/invalid-token`",
  body: PasswordResetConfirmInput,
  status: 204,
  errors: [400, 415, 422, 429],
});
export const verifyEmailOp = defineOperation({
  method: "POST",
  path: "/api/v1/auth/verify-email",
  tag,
  auth: "public",
  summary: "Verify an email address with the token from the verification email (single use; 400 `…/invalid-token` otherwise)",
  body: VerifyEmailInput,
  status: 204,
  errors: [400, 415, 422, 429],
});
export const resendVerificationOp = defineOperation({
  method: "POST",
  path: "/api/v1/auth/verify-email/resend",
  tag,
  auth: "required",
  summary: "Send the caller a new verification email (409 when already verified)",
  response: Accepted,
  status: 202,
  errors: [401, 409, 429],
});
export const getTwoFactorOp = defineOperation({
  method: "GET",
  path: "/api/v1/me/two-factor",
  tag,
  auth: "required",
  summary: "Whether two-factor authentication is on, and how many recovery codes are left",
  response: z.object({ enabled: z.boolean(), recoveryCodesLeft: z.number().int() }).meta({ id: "TwoFactorStatus" }),
  status: 200,
  errors: [401],
});
export const startTwoFactorOp = defineOperation({
  method: "POST",
  path: "/api/v1/me/two-factor",
  tag,
  auth: "required",
  summary: "Start enrolling in TOTP two-factor authentication: a new secret as an otpauth URL and a QR code (not on until confirmed)",
  response: TwoFactorEnrollment,
  status: 200,
  idempotent: false,
  errors: [401, 409],
});
export const confirmTwoFactorOp = defineOperation({
  method: "POST",
  path: "/api/v1/me/two-factor/confirm",
  tag,
  auth: "required",
  summary: "Turn two-factor authentication on with a code from the app; answers the ten single-use recovery codes, shown once",
  body: TwoFactorConfirmInput,
  response: RecoveryCodes,
  status: 200,
  errors: [400, 401, 409, 415, 422],
});
export const disableTwoFactorOp = defineOperation({
  method: "POST",
  path: "/api/v1/me/two-factor/disable",
  tag,
  auth: "required",
  summary: "Turn two-factor authentication off with a current code (`otp`) or a recovery code",
  body: TwoFactorDisableInput,
  status: 204,
  errors: [400, 401, 409, 415, 422],
});
