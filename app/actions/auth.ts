"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn, signOut } from "@/app/lib/auth";
import { attempt, formString, type ActionResult, serverAction } from "@/app/lib/action";
import { createContext } from "@/server/context";
import { registerUser } from "@/server/users";

/** Only same-site paths: an open redirect through ?next= would help phishing. */
function safeNext(value: string): string {
  return value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/";
}

async function signInWith(email: string, password: string, next: string): Promise<ActionResult> {
  try {
    await signIn("credentials", { email, password, redirectTo: safeNext(next) });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      if (error.code === "rate_limited") return { ok: false, error: "Too many sign-in attempts. Wait a few minutes and try again." };
      return { ok: false, error: "Invalid email or password" };
    }
    if (error instanceof AuthError) return { ok: false, error: "Sign-in failed; please try again" };
    throw error; // the redirect after success
  }
  return { ok: true, data: undefined };
}

export const signInAction = serverAction(async function signInAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return signInWith(formString(form, "email"), formString(form, "password"), formString(form, "next"));
});

export const signUpAction = serverAction(async function signUpAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const input = { name: formString(form, "name"), email: formString(form, "email"), password: formString(form, "password") };
  const created = await attempt(() => registerUser({ ctx: createContext({ kind: "anonymous" }), input }));
  if (!created.ok) return created;
  return signInWith(input.email, input.password, formString(form, "next") || "/");
});

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin" });
}
