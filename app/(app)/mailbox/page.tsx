import type { Metadata } from "next";
import { requireContext } from "@/app/lib/session";
import { loadShell } from "@/app/loaders/shell";
import { Linkified } from "@/components/ui/linkified";
import { RelativeTime } from "@/components/ui/relative-time";
import { listMailbox } from "@/server/email";

export const metadata: Metadata = { title: "Mailbox" };

/** The embedded default sends no real email: this is what would have reached you. */
export default async function MailboxPage() {
  const ctx = await requireContext("/mailbox");
  const { user } = await loadShell(ctx);
  const messages = await listMailbox(user.email);
  return (
    <div className="content-narrow stack">
      <div>
        <h1>Mailbox</h1>
        <p className="muted">
          Emails sent to <strong>{user.email}</strong> by this server. Without an email provider configured, Tasklane keeps them here.
        </p>
      </div>
      {messages.length === 0 ? (
        <div className="empty">
          <h3>No emails yet</h3>
          <p>Invitations and notifications sent to you will show up here.</p>
        </div>
      ) : (
        messages.map((m) => (
          <article key={m.id} className="card" aria-labelledby={`mail-${m.id}`}>
            <div className="row-between">
              <h2 id={`mail-${m.id}`}>{m.subject}</h2>
              <RelativeTime className="muted small" date={m.createdAt} />
            </div>
            <div style={{ whiteSpace: "pre-wrap" }}>
              <Linkified text={m.text} />
            </div>
          </article>
        ))
      )}
    </div>
  );
}
