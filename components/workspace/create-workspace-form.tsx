"use client";
import { useActionState, useState } from "react";
import { createWorkspaceAction } from "@/app/actions/workspaces";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
}

export function CreateWorkspaceForm() {
  const [state, action] = useActionState(createWorkspaceAction, null);
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [touched, setTouched] = useState(false);
  const fe = state?.ok === false ? state.fieldErrors : undefined;
  return (
    <form action={action} className="stack" noValidate>
      {state?.ok === false && !fe && (
        <p className="alert" role="alert">
          {state.error}
        </p>
      )}
      <Field
        label="Workspace name"
        name="name"
        required
        value={name}
        placeholder="Acme Inc."
        onChange={(e) => {
          setName(e.target.value);
          if (!touched) setSlug(slugify(e.target.value));
        }}
        error={fe?.name}
      />
      <Field
        label="URL"
        name="slug"
        required
        value={slug}
        hint={`3–40 of a-z, 0-9 and -. Your workspace lives at /w/${slug || "…"}`}
        onChange={(e) => {
          setTouched(true);
          setSlug(e.target.value);
        }}
        error={fe?.slug ?? (state?.ok === false && state.status === "CONFLICT" ? state.error : undefined)}
      />
      <SubmitButton pendingText="Creating…">Create workspace</SubmitButton>
    </form>
  );
}
