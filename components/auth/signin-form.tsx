"use client";
import Link from "next/link";
import { useActionState, useState } from "react";
import type { ActionResult } from "@/app/lib/action";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

type Props = {
  action: (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;
  next?: string;
  email?: string;
};

/**
 * Email and password; when the account has 2FA the server answers "otp_required" and the form
 * becomes its second step: the code (or a recovery code), sent again with the same credentials.
 */
export function SignInForm({ action, next, email }: Props) {
  const [state, formAction] = useActionState(action, null);
  const [credentials, setCredentials] = useState({ email: email ?? "", password: "" });
  const [useRecovery, setUseRecovery] = useState(false);
  const secondStep = state?.ok === false && (state.status === "otp_required" || state.status === "otp_invalid");
  const fe = state?.ok === false ? state.fieldErrors : undefined;

  if (secondStep) {
    return (
      <form action={formAction} className="stack" noValidate aria-labelledby="two-factor-heading">
        <h2 id="two-factor-heading">Two-factor authentication</h2>
        <p className={state.status === "otp_invalid" ? "alert" : "muted"} role={state.status === "otp_invalid" ? "alert" : undefined}>
          {useRecovery ? "Enter one of your recovery codes" : state.error}
        </p>
        <input type="hidden" name="next" value={next ?? ""} />
        <input type="hidden" name="email" value={credentials.email} />
        <input type="hidden" name="password" value={credentials.password} />
        {useRecovery ? (
          <Field key="recovery" label="Recovery code" name="recoveryCode" autoComplete="off" required autoFocus />
        ) : (
          <Field
            key="otp"
            label="Authentication code"
            name="otp"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={7}
            required
            autoFocus
          />
        )}
        <SubmitButton pendingText="Verifying…">Verify</SubmitButton>
        <button type="button" className="btn btn-ghost" onClick={() => setUseRecovery((v) => !v)}>
          {useRecovery ? "Use the authenticator app instead" : "Use a recovery code instead"}
        </button>
      </form>
    );
  }

  return (
    <form
      action={formAction}
      className="stack"
      noValidate
      onSubmit={(e) => {
        const data = new FormData(e.currentTarget);
        setCredentials({ email: String(data.get("email") ?? ""), password: String(data.get("password") ?? "") });
      }}
    >
      {state?.ok === false && !fe && (
        <p className="alert" role="alert">
          {state.error}
        </p>
      )}
      <input type="hidden" name="next" value={next ?? ""} />
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={credentials.email} error={fe?.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required error={fe?.password} />
      <p className="small">
        <Link href="/forgot-password">Forgot password?</Link>
      </p>
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
