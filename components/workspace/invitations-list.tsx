"use client";
import { useEffect, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { resendInvitationAction } from "@/app/actions/workspaces";
import type { PendingInvitation } from "@/server/workspaces/schemas";

const LABEL = { pending: "Sending…", sent: "Sent", failed: "Not delivered" } as const;

/**
 * Pending invitations with the delivery status of each email (pending while queued or retrying, sent,
 * failed with the provider's reason) and "Resend". Refreshes itself while an email is still on its way.
 */
export function InvitationsList({ slug, invitations }: { slug: string; invitations: PendingInvitation[] }) {
  const router = useRouter();
  const [messages, setMessages] = useState<Record<string, string>>({});
  const [pending, start] = useTransition();
  const inFlight = invitations.some((i) => i.delivery.status === "pending");
  useEffect(() => {
    if (!inFlight) return;
    const timer = setInterval(() => router.refresh(), 3000);
    return () => clearInterval(timer);
  }, [inFlight, router]);
  if (invitations.length === 0) return null;
  const resend = (id: string) =>
    start(async () => {
      const result = await resendInvitationAction(slug, id);
      setMessages((m) => ({ ...m, [id]: result.ok ? "PendingInvitation sent again" : result.error }));
      router.refresh();
    });
  return (
    <table className="table" style={{ marginBottom: 16 }}>
      <caption className="sr-only">Pending invitations</caption>
      <thead>
        <tr>
          <th scope="col">Invited</th>
          <th scope="col">Role</th>
          <th scope="col">Email delivery</th>
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {invitations.map((i) => (
          <tr key={i.id} data-testid={`invitation-${i.email}`}>
            <td>{i.email}</td>
            <td>{i.role}</td>
            <td>
              <span data-testid="delivery-status" data-status={i.delivery.status}>
                {LABEL[i.delivery.status]}
              </span>
              {i.delivery.attemptedAt && (
                <span className="muted small"> · last try {new Date(i.delivery.attemptedAt).toLocaleString()}</span>
              )}
              {i.delivery.error && (
                <div className={i.delivery.status === "failed" ? "field-error" : "muted small"}>
                  {i.delivery.status === "failed" ? "Reason: " : "Retrying after: "}
                  {i.delivery.error}
                </div>
              )}
              {messages[i.id] && (
                <div className="muted small" role="status">
                  {messages[i.id]}
                </div>
              )}
            </td>
            <td>
              <button type="button" className="btn" disabled={pending} onClick={() => resend(i.id)}>
                Resend
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
