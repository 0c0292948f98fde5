"use client";
import { useState, useTransition } from "react";
import { resendVerificationAction } from "@/app/actions/account-security";

/** Unverified accounts work as usual; this says so, and sends a new link on request. */
export function VerifyEmailBanner({ email }: { email: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="notice row" role="status" data-testid="verify-email-banner" style={{ marginBottom: 16, flexWrap: "wrap", gap: 8 }}>
      <span className="grow">
        Please verify your email address: we sent a link to <strong>{email}</strong>.{message ? ` ${message}` : ""}
      </span>
      <button
        type="button"
        className="btn btn-sm"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await resendVerificationAction();
            setMessage(result.ok ? "A new link is on its way." : result.error);
          })
        }
      >
        {pending ? "Sending…" : "Resend"}
      </button>
    </div>
  );
}
