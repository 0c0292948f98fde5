"use client";
import { useActionState } from "react";
import { updateWorkspaceAction } from "@/app/actions/workspaces";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export function WorkspaceForm({ slug, name }: { slug: string; name: string }) {
  const [state, action] = useActionState(updateWorkspaceAction, null);
  const fe = state?.ok === false ? state.fieldErrors : undefined;
  return (
    <form action={action} className="stack" noValidate>
      <input type="hidden" name="currentSlug" value={slug} />
      <div className="row" style={{ alignItems: "flex-start" }}>
        <div className="grow">
          <Field label="Name" name="name" defaultValue={name} required error={fe?.name} />
        </div>
        <div className="grow">
          <Field
            label="URL slug"
            name="slug"
            defaultValue={slug}
            required
            error={fe?.slug ?? (state?.ok === false && state.status === "CONFLICT" ? state.error : undefined)}
          />
        </div>
      </div>
      <div className="row">
        <SubmitButton pendingText="Saving…">Save</SubmitButton>
        {state?.ok && (
          <span role="status" className="muted">
            Saved.
          </span>
        )}
        {state?.ok === false && !fe && state.status !== "CONFLICT" && (
          <span role="alert" className="field-error">
            {state.error}
          </span>
        )}
      </div>
    </form>
  );
}
