"use client";
import Link from "next/link";
import { useActionState } from "react";
import type { ActionResult } from "@/app/lib/action";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

type Action = (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;

export function RequestResetForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, null);
  if (state?.ok) {
    return (
      <p className="notice" role="status">
        If an account uses that address, we sent it a link to reset the password. The link works once, for 30 minutes.
      </p>
    );
  }
  const fe = state?.ok === false ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="stack" noValidate>
      {state?.ok === false && !fe && (
        <p className="alert" role="alert">
          {state.error}
        </p>
      )}
      <Field label="Email" name="email" type="email" autoComplete="email" required error={fe?.email} />
      <SubmitButton pendingText="Sending…">Send reset link</SubmitButton>
    </form>
  );
}

export function ResetPasswordForm({ action, token }: { action: Action; token: string }) {
  const [state, formAction] = useActionState(action, null);
  if (state?.ok) {
    return (
      <p className="notice" role="status">
        Your password is changed and every session was signed out. <Link href="/signin">Sign in</Link> with the new password.
      </p>
    );
  }
  const fe = state?.ok === false ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="stack" noValidate>
      {state?.ok === false && !fe && (
        <p className="alert" role="alert">
          {state.error} <Link href="/forgot-password">Ask for a new link</Link>
        </p>
      )}
      <input type="hidden" name="token" value={token} />
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 12 characters; not a common password."
        error={fe?.password}
      />
      <SubmitButton pendingText="Saving…">Set new password</SubmitButton>
    </form>
  );
}

export function VerifyEmailForm({ action, token }: { action: Action; token: string }) {
  const [state, formAction] = useActionState(action, null);
  if (state?.ok) {
    return (
      <p className="notice" role="status">
        Your email address is verified. <Link href="/">Continue to Tasklane</Link>
      </p>
    );
  }
  return (
    <form action={formAction} className="stack">
      {state?.ok === false && (
        <p className="alert" role="alert">
          {state.error}
        </p>
      )}
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingText="Verifying…">Verify my email</SubmitButton>
    </form>
  );
}
