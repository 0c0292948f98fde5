"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn, signOut } from "@/app/lib/auth";
import { attempt, formString, type ActionResult, serverAction } from "@/app/lib/action";
import { createContext } from "@/server/context";
import { registerUser } from "@/server/users";
import { confirmPasswordReset, requestPasswordReset, verifyEmail } from "@/server/account";

/** Only same-site paths: an open redirect through ?next= would help phishing. */
function safeNext(value: string): string {
  return value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/";
}

type SecondFactor = { otp?: string; recoveryCode?: string };

async function signInWith(email: string, password: string, next: string, second: SecondFactor = {}): Promise<ActionResult> {
  try {
    await signIn("credentials", { email, password, ...second, redirectTo: safeNext(next) });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      if (error.code === "rate_limited") return { ok: false, error: "Too many sign-in attempts. Wait a few minutes and try again." };
      // The password was right: the form switches to its second step and sends it again with the code.
      if (error.code === "otp_required")
        return { ok: false, status: "otp_required", error: "Enter the 6-digit code from your authenticator app" };
      if (error.code === "otp_invalid") return { ok: false, status: "otp_invalid", error: "That code is not valid; try the current one" };
      return { ok: false, error: "Invalid email or password" };
    }
    if (error instanceof AuthError) return { ok: false, error: "Sign-in failed; please try again" };
    throw error; // the redirect after success
  }
  return { ok: true, data: undefined };
}

export const signInAction = serverAction(async function signInAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const otp = formString(form, "otp").trim();
  const recoveryCode = formString(form, "recoveryCode").trim();
  return signInWith(formString(form, "email"), formString(form, "password"), formString(form, "next"), {
    ...(otp ? { otp } : {}),
    ...(recoveryCode ? { recoveryCode } : {}),
  });
});

/** Same message whether or not the address has an account. */
export const requestPasswordResetAction = serverAction(async function requestPasswordResetAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const sent = await attempt(() =>
    requestPasswordReset({ ctx: createContext({ kind: "anonymous" }), input: { email: formString(form, "email") } }),
  );
  if (!sent.ok) return sent;
  return { ok: true, data: undefined };
});

export const resetPasswordAction = serverAction(async function resetPasswordAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const result = await attempt(() =>
    confirmPasswordReset({
      ctx: createContext({ kind: "anonymous" }),
      input: { token: formString(form, "token"), password: formString(form, "password") },
    }),
  );
  return result.ok ? { ok: true, data: undefined } : result;
});

export const verifyEmailAction = serverAction(async function verifyEmailAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const result = await attempt(() =>
    verifyEmail({ ctx: createContext({ kind: "anonymous" }), input: { token: formString(form, "token") } }),
  );
  return result.ok ? { ok: true, data: undefined } : result;
});

export async function signInWithSsoAction(form: FormData): Promise<void> {
  await signIn("oidc", { redirectTo: safeNext(formString(form, "next")) });
}

export const signUpAction = serverAction(async function signUpAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const input = { name: formString(form, "name"), email: formString(form, "email"), password: formString(form, "password") };
  const created = await attempt(() => registerUser({ ctx: createContext({ kind: "anonymous" }), input }));
  if (!created.ok) return created;
  return signInWith(input.email, input.password, formString(form, "next") || "/");
});

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin" });
}
