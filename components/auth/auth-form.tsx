"use client";
import { useActionState } from "react";
import type { ActionResult } from "@/app/lib/action";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

type Props = {
  mode: "signin" | "signup";
  action: (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;
  next?: string;
  email?: string;
};

export function AuthForm({ mode, action, next, email }: Props) {
  const [state, formAction] = useActionState(action, null);
  const fe = state?.ok === false ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="stack" noValidate>
      {state?.ok === false && !fe && (
        <p className="alert" role="alert">
          {state.error}
        </p>
      )}
      <input type="hidden" name="next" value={next ?? ""} />
      {mode === "signup" && <Field label="Name" name="name" autoComplete="name" required error={fe?.name} />}
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={email} error={fe?.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete={mode === "signup" ? "new-password" : "current-password"}
        required
        hint={mode === "signup" ? "At least 12 characters; not a common password." : undefined}
        error={fe?.password}
      />
      <SubmitButton pendingText={mode === "signup" ? "Creating account…" : "Signing in…"}>
        {mode === "signup" ? "Create account" : "Sign in"}
      </SubmitButton>
    </form>
  );
}
