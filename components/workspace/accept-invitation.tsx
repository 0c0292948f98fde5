"use client";
import { useActionState } from "react";
import { acceptInvitationAction } from "@/app/actions/workspaces";
import { SubmitButton } from "@/components/ui/submit-button";

/** A plain form: it works before the page's scripts load. */
export function AcceptInvitation({ token }: { token: string }) {
  const [state, action] = useActionState(acceptInvitationAction, null);
  return (
    <form action={action} className="stack">
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingText="Joining…">Accept invitation</SubmitButton>
      {state?.ok === false && (
        <p className="alert" role="alert">
          {state.error}
        </p>
      )}
    </form>
  );
}
