"use client";
import { useState, useTransition } from "react";
import { acceptInvitationAction } from "@/app/actions/workspaces";

export function AcceptInvitation({ token }: { token: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="stack">
      <button
        type="button"
        className="btn btn-primary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await acceptInvitationAction(token);
            if (!result.ok) setError(result.error);
          })
        }
      >
        {pending ? "Joining…" : "Accept invitation"}
      </button>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
