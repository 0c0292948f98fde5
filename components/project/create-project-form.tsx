"use client";
import { useActionState, useState } from "react";
import { createProjectAction } from "@/app/actions/projects";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

function keyFrom(name: string): string {
  const words = name
    .toUpperCase()
    .replace(/[^A-Z0-9 ]/g, "")
    .split(/\s+/)
    .filter(Boolean);
  const key = words.length > 1 ? words.map((w) => w[0]).join("") : (words[0] ?? "").slice(0, 4);
  return key.replace(/^[0-9]+/, "").slice(0, 10);
}

export function CreateProjectForm({ slug }: { slug: string }) {
  const [state, action] = useActionState(createProjectAction, null);
  const [name, setName] = useState("");
  const [key, setKey] = useState("");
  const [touched, setTouched] = useState(false);
  const fe = state?.ok === false ? state.fieldErrors : undefined;
  return (
    <form action={action} className="stack" noValidate>
      <input type="hidden" name="slug" value={slug} />
      <div className="row" style={{ alignItems: "flex-start" }}>
        <div className="grow">
          <Field
            label="Project name"
            name="name"
            required
            value={name}
            placeholder="Engineering"
            onChange={(e) => {
              setName(e.target.value);
              if (!touched) setKey(keyFrom(e.target.value));
            }}
            error={fe?.name}
          />
        </div>
        <div style={{ width: 140 }}>
          <Field
            label="Key"
            name="key"
            required
            value={key}
            hint="Prefix of task keys"
            onChange={(e) => {
              setTouched(true);
              setKey(e.target.value.toUpperCase());
            }}
            error={fe?.key ?? (state?.ok === false && state.status === "CONFLICT" ? state.error : undefined)}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor="project-visibility">Visibility</label>
        <select id="project-visibility" name="visibility" defaultValue="workspace">
          <option value="workspace">Everyone in the workspace</option>
          <option value="private">Private: only project members</option>
        </select>
      </div>
      {state?.ok === false && !fe && state.status !== "CONFLICT" && (
        <p className="alert" role="alert">
          {state.error}
        </p>
      )}
      <div>
        <SubmitButton pendingText="Creating…">Create project</SubmitButton>
      </div>
    </form>
  );
}
