"use client";
import { RelativeTime } from "@/components/ui/relative-time";
import { useActionState, useTransition } from "react";
import { createWebhookAction, removeWebhookAction } from "@/app/actions/webhooks";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { toast } from "@/components/ui/toast";
import type { Webhook, WebhookDelivery } from "@/server/webhooks";

export function CreateWebhookForm({ slug, eventTypes }: { slug: string; eventTypes: readonly string[] }) {
  const [state, action] = useActionState(createWebhookAction, null);
  const fe = state?.ok === false ? state.fieldErrors : undefined;
  return (
    <form action={action} className="stack" noValidate>
      <input type="hidden" name="slug" value={slug} />
      <Field label="Payload URL" name="url" type="url" required placeholder="https://example.com/hooks/tasklane" error={fe?.url} />
      <fieldset
        className="stack"
        style={{ border: "1px solid var(--border)", borderRadius: 6, padding: 10 }}
        aria-describedby={fe?.events ? "webhook-events-error" : undefined}
      >
        <legend>Events</legend>
        <div className="row" style={{ gap: 14 }}>
          {eventTypes.map((t) => (
            <label key={t} className="row" style={{ fontWeight: 400, gap: 4 }}>
              <input type="checkbox" name="events" value={t} defaultChecked={t.startsWith("task.")} /> <code>{t}</code>
            </label>
          ))}
        </div>
        {fe?.events && (
          <span id="webhook-events-error" className="field-error" role="alert">
            {fe.events}
          </span>
        )}
      </fieldset>
      <Field
        label="Secret (optional)"
        name="secret"
        type="text"
        hint="Leave empty to have one generated. Used to sign each delivery (X-Signature)."
        error={fe?.secret}
      />
      {state?.ok === false && !fe && (
        <p className="alert" role="alert">
          {state.error}
        </p>
      )}
      {state?.ok && (
        <div className="notice stack" role="status">
          <strong>Webhook created. Copy its signing secret now: it will not be shown again.</strong>
          <code style={{ wordBreak: "break-all" }}>{state.data.secret}</code>
        </div>
      )}
      <div>
        <SubmitButton pendingText="Adding…">Add webhook</SubmitButton>
      </div>
    </form>
  );
}

export function WebhookList({ slug, hooks }: { slug: string; hooks: (Webhook & { deliveries: WebhookDelivery[] })[] }) {
  const [pending, start] = useTransition();
  if (hooks.length === 0) return <div className="empty">No webhooks yet. Webhooks POST signed JSON to your URL when tasks change.</div>;
  return (
    <ul className="stack" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {hooks.map((h) => (
        <li key={h.id} className="card" style={{ padding: 12 }}>
          <div className="row-between">
            <div className="grow">
              <code style={{ wordBreak: "break-all" }}>{h.url}</code>
              <div className="small muted">
                {h.active ? "Active" : `Disabled${h.disabledReason ? `: ${h.disabledReason}` : ""}`} · {h.events.join(", ")}
              </div>
            </div>
            <button
              type="button"
              className="btn btn-sm btn-danger"
              disabled={pending}
              onClick={() =>
                confirm(`Delete the webhook to ${h.url}?`) &&
                start(async () => {
                  const r = await removeWebhookAction(slug, h.id);
                  if (!r.ok) toast(r.error, "error");
                })
              }
            >
              Delete
            </button>
          </div>
          <details style={{ marginTop: 8 }}>
            <summary className="small" style={{ cursor: "pointer" }}>
              Delivery log ({h.deliveries.length})
            </summary>
            {h.deliveries.length === 0 ? (
              <p className="muted small">No deliveries yet.</p>
            ) : (
              <table className="table small">
                <caption className="sr-only">Recent deliveries</caption>
                <thead>
                  <tr>
                    <th scope="col">Event</th>
                    <th scope="col">Status</th>
                    <th scope="col">Attempts</th>
                    <th scope="col" className="hide-phone">
                      Last answer
                    </th>
                    <th scope="col" className="hide-phone">
                      When
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {h.deliveries.map((d) => (
                    <tr key={d.id}>
                      <td>
                        <code>{d.type}</code> #{d.eventId}
                      </td>
                      <td>
                        <span
                          className="badge"
                          style={{
                            color: d.status === "failed" ? "var(--danger)" : d.status === "succeeded" ? "var(--success)" : undefined,
                          }}
                        >
                          {d.status}
                        </span>
                      </td>
                      <td>{d.attempts}</td>
                      <td className="hide-phone">{d.lastStatusCode ?? d.lastError ?? "—"}</td>
                      <td className="hide-phone">
                        <RelativeTime date={d.createdAt} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </details>
        </li>
      ))}
    </ul>
  );
}
