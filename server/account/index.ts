export * from "./schemas";
export { requestPasswordReset, confirmPasswordReset, PASSWORD_RESET_TTL_MS } from "./password-reset";
export { resendVerificationEmail, verifyEmail, queueVerificationEmail, markEmailVerified } from "./email-verification";
export { twoFactorStatus, startTwoFactorEnrollment, confirmTwoFactorEnrollment, disableTwoFactor } from "./two-factor";
export { acceptSecondFactor } from "./totp";
export { requireTwoFactorIfAsked } from "./workspace-two-factor";
export { signInWithOidc, oidcConfigured, type OidcIdentity } from "./oidc-sign-in";
