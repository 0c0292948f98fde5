"use client";
import { useActionState } from "react";
import { inviteMemberAction } from "@/app/actions/workspaces";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export function InviteForm({ slug, canGrantOwner }: { slug: string; canGrantOwner: boolean }) {
  const [state, action] = useActionState(inviteMemberAction, null);
  const fe = state?.ok === false ? state.fieldErrors : undefined;
  return (
    <form action={action} className="stack" noValidate key={state?.ok ? state.data : "form"}>
      <input type="hidden" name="slug" value={slug} />
      <div className="row" style={{ alignItems: "flex-end" }}>
        <div className="grow">
          <Field label="Email" name="email" type="email" required placeholder="teammate@example.com" error={fe?.email} />
        </div>
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" name="role" defaultValue="member">
            {canGrantOwner && <option value="owner">owner</option>}
            <option value="admin">admin</option>
            <option value="member">member</option>
            <option value="guest">guest</option>
          </select>
        </div>
        <SubmitButton pendingText="Inviting…">Invite</SubmitButton>
      </div>
      {state?.ok === false && !fe && (
        <p className="alert" role="alert">
          {state.error}
        </p>
      )}
      {state?.ok && (
        <p className="notice" role="status">
          {state.data}
        </p>
      )}
    </form>
  );
}
