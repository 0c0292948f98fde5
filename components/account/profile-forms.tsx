"use client";
import { useActionState } from "react";
import { changePasswordAction, updateProfileAction } from "@/app/actions/account";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export function ProfileForm({ name, email }: { name: string; email: string }) {
  const [state, action] = useActionState(updateProfileAction, null);
  const fe = state?.ok === false ? state.fieldErrors : undefined;
  return (
    <form action={action} className="stack" noValidate>
      <Field label="Name" name="name" defaultValue={name} required autoComplete="name" error={fe?.name} />
      <Field label="Email" name="email" defaultValue={email} readOnly hint="Your sign-in address" />
      <div className="row">
        <SubmitButton pendingText="Saving…">Save profile</SubmitButton>
        {state?.ok && (
          <span role="status" className="muted">
            Saved.
          </span>
        )}
        {state?.ok === false && !fe && (
          <span role="alert" className="field-error">
            {state.error}
          </span>
        )}
      </div>
    </form>
  );
}

export function PasswordForm() {
  const [state, action] = useActionState(changePasswordAction, null);
  const fe = state?.ok === false ? state.fieldErrors : undefined;
  return (
    <form action={action} className="stack" noValidate key={state?.ok ? "done" : "form"}>
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={fe?.currentPassword}
      />
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 12 characters"
        error={fe?.password}
      />
      <Field label="Repeat the new password" name="confirm" type="password" autoComplete="new-password" required error={fe?.confirm} />
      <div className="row">
        <SubmitButton pendingText="Changing…">Change password</SubmitButton>
        {state?.ok && (
          <span role="status" className="muted">
            Password changed; your other sessions were signed out.
          </span>
        )}
        {state?.ok === false && !fe && (
          <span role="alert" className="field-error">
            {state.error}
          </span>
        )}
      </div>
    </form>
  );
}
