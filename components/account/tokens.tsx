"use client";
import { useActionState, useState, useTransition } from "react";
import { createTokenAction, revokeTokenAction } from "@/app/actions/account";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

type Token = { id: string; name: string; createdAt: string; expiresAt: string | null; lastUsedAt: string | null };
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");

export function CreateTokenForm() {
  const [state, action] = useActionState(createTokenAction, null);
  const fe = state?.ok === false ? state.fieldErrors : undefined;
  return (
    <div className="stack">
      <form action={action} className="row" style={{ alignItems: "flex-end" }} noValidate>
        <div className="grow">
          <Field label="Token name" name="name" required placeholder="CI deploy script" error={fe?.name} />
        </div>
        <div className="field">
          <label htmlFor="token-expiry">Expires</label>
          <select id="token-expiry" name="expiresInDays" defaultValue="90">
            <option value="30">in 30 days</option>
            <option value="90">in 90 days</option>
            <option value="365">in a year</option>
            <option value="0">never</option>
          </select>
        </div>
        <SubmitButton pendingText="Creating…">Create token</SubmitButton>
      </form>
      {state?.ok === false && !fe && (
        <p className="alert" role="alert">
          {state.error}
        </p>
      )}
      {state?.ok && (
        <div className="notice stack" role="status">
          <strong>Copy your new token “{state.data.name}” now: it will not be shown again.</strong>
          <code data-testid="new-token" style={{ wordBreak: "break-all" }}>
            {state.data.token}
          </code>
          <div>
            <button type="button" className="btn btn-sm" onClick={() => void navigator.clipboard?.writeText(state.data.token)}>
              Copy
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

export function TokenList({ tokens }: { tokens: Token[] }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (tokens.length === 0) return <div className="empty">No API tokens yet. Tokens let scripts use the REST API as you.</div>;
  return (
    <>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <table className="table">
        <caption className="sr-only">Your API tokens</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col" className="hide-phone">
              Created
            </th>
            <th scope="col">Expires</th>
            <th scope="col" className="hide-phone">
              Last used
            </th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id}>
              <td>{t.name}</td>
              <td className="hide-phone">{day(t.createdAt)}</td>
              <td>{t.expiresAt ? day(t.expiresAt) : "never"}</td>
              <td className="hide-phone">{day(t.lastUsedAt)}</td>
              <td style={{ textAlign: "right" }}>
                <button
                  type="button"
                  className="btn btn-sm btn-danger"
                  disabled={pending}
                  aria-label={`Revoke ${t.name}`}
                  onClick={() =>
                    confirm(`Revoke “${t.name}”? Scripts using it stop working at once.`) &&
                    start(async () => {
                      const r = await revokeTokenAction(t.id);
                      setError(r.ok ? null : r.error);
                    })
                  }
                >
                  Revoke
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
