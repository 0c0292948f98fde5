"use client";
import Link from "next/link";
import { useActionState } from "react";
import { setWorkspaceTwoFactorAction } from "@/app/actions/account-security";
import { SubmitButton } from "@/components/ui/submit-button";

/** Owners only: members without 2FA are refused the workspace (and told why) until they turn it on. */
export function TwoFactorRequirementForm({
  slug,
  required,
  ownerHasTwoFactor,
}: {
  slug: string;
  required: boolean;
  ownerHasTwoFactor: boolean;
}) {
  const [state, action] = useActionState(setWorkspaceTwoFactorAction, null);
  return (
    <form action={action} className="stack">
      <input type="hidden" name="slug" value={slug} />
      <label className="row" style={{ gap: 8 }}>
        <input type="checkbox" name="requireTwoFactor" defaultChecked={required} disabled={!ownerHasTwoFactor && !required} />
        Require two-factor authentication for every member
      </label>
      <p className="muted small">
        Members without it keep their membership but cannot open the workspace (in the browser or the API) until they turn it on.
        {!ownerHasTwoFactor && (
          <>
            {" "}
            First <Link href="/settings/security">turn it on for yourself</Link>.
          </>
        )}
      </p>
      <div className="row">
        <SubmitButton pendingText="Saving…">Save</SubmitButton>
        {state?.ok && (
          <span role="status" className="muted">
            Saved.
          </span>
        )}
        {state?.ok === false && (
          <span role="alert" className="field-error">
            {state.error}
          </span>
        )}
      </div>
    </form>
  );
}
