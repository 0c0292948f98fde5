"use client";
import { useActionState, useState, useTransition } from "react";
import { confirmTwoFactorAction, disableTwoFactorAction, startTwoFactorAction } from "@/app/actions/account-security";
import type { TwoFactorEnrollment } from "@/server/account";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

/** Off → "Set up" shows a QR code → a code from the app turns it on and shows the recovery codes once. */
export function TwoFactorSettings({ enabled, recoveryCodesLeft }: { enabled: boolean; recoveryCodesLeft: number }) {
  const [enrollment, setEnrollment] = useState<TwoFactorEnrollment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const [confirmed, confirmAction] = useActionState(confirmTwoFactorAction, null);

  if (confirmed?.ok) return <RecoveryCodes codes={confirmed.data.recoveryCodes} />;
  if (enabled) return <DisableTwoFactor recoveryCodesLeft={recoveryCodesLeft} />;
  if (!enrollment) {
    return (
      <div className="stack">
        <p>
          Status: <strong>off</strong>
        </p>
        {error && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        <div>
          <button
            type="button"
            className="btn btn-primary"
            disabled={pending}
            onClick={() =>
              start(async () => {
                const result = await startTwoFactorAction();
                if (result.ok) setEnrollment(result.data);
                else setError(result.error);
              })
            }
          >
            {pending ? "Preparing…" : "Set up two-factor authentication"}
          </button>
        </div>
      </div>
    );
  }
  const fe = confirmed?.ok === false ? confirmed.fieldErrors : undefined;
  return (
    <div className="stack">
      <p>1. Scan this QR code with your authenticator app.</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, nothing to optimise */}
      <img src={enrollment.qrCodeDataUrl} alt="QR code for your authenticator app" width={220} height={220} />
      <p className="small muted">
        Can’t scan? Enter this key instead: <code data-testid="totp-secret">{enrollment.secret}</code>
      </p>
      <form action={confirmAction} className="stack" noValidate>
        <p>2. Enter the 6-digit code the app shows.</p>
        {confirmed?.ok === false && !fe && (
          <p className="alert" role="alert">
            {confirmed.error}
          </p>
        )}
        <Field
          label="Authentication code"
          name="otp"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          required
          error={fe?.otp}
        />
        <div>
          <SubmitButton pendingText="Checking…">Turn on</SubmitButton>
        </div>
      </form>
    </div>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div className="notice stack" role="status">
      <strong>Two-factor authentication is on.</strong>
      <p>Save these recovery codes somewhere safe: each signs you in once if you lose your phone. They will not be shown again.</p>
      <ul data-testid="recovery-codes" style={{ fontFamily: "monospace", columns: 2, margin: 0 }}>
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <div>
        <button type="button" className="btn btn-sm" onClick={() => void navigator.clipboard?.writeText(codes.join("\n"))}>
          Copy codes
        </button>{" "}
        <a className="btn btn-sm" href="/settings/security">
          Done
        </a>
      </div>
    </div>
  );
}

function DisableTwoFactor({ recoveryCodesLeft }: { recoveryCodesLeft: number }) {
  const [state, action] = useActionState(disableTwoFactorAction, null);
  const fe = state?.ok === false ? state.fieldErrors : undefined;
  return (
    <div className="stack">
      <p>
        Status: <strong>on</strong> · {recoveryCodesLeft} recovery code{recoveryCodesLeft === 1 ? "" : "s"} left
      </p>
      <form action={action} className="stack" noValidate>
        <h3>Turn off</h3>
        {state?.ok === false && (
          <p className="alert" role="alert">
            {state.error}
          </p>
        )}
        <Field
          label="Code from your app, or a recovery code"
          name="code"
          autoComplete="one-time-code"
          required
          error={fe?.otp ?? fe?.recoveryCode}
        />
        <div>
          <SubmitButton className="btn btn-danger" pendingText="Turning off…">
            Turn off two-factor authentication
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}
