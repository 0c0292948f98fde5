import type { Metadata } from "next";
import Link from "next/link";
import { currentContext } from "@/app/lib/session";
import { loadShell } from "@/app/loaders/shell";
import { AcceptInvitation } from "@/components/workspace/accept-invitation";
import { Brand } from "@/components/ui/brand";

export const metadata: Metadata = { title: "Join a workspace" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ctx = await currentContext();
  const next = encodeURIComponent(`/invitations/${token}`);
  const user = ctx ? (await loadShell(ctx)).user : null;
  return (
    <main id="main" className="auth-page">
      <div className="auth-card stack">
        <Brand />
        <div className="card stack">
          <h1>You&apos;re invited</h1>
          {user ? (
            <>
              <p>
                Join the workspace as <strong>{user.email}</strong>. The invitation must have been sent to this address.
              </p>
              <AcceptInvitation token={token} />
            </>
          ) : (
            <>
              <p>Sign in or create an account with the email address the invitation was sent to, then accept it.</p>
              <div className="row">
                <Link className="btn btn-primary" href={`/signup?next=${next}`}>
                  Create an account
                </Link>
                <Link className="btn" href={`/signin?next=${next}`}>
                  Sign in
                </Link>
              </div>
            </>
          )}
        </div>
      </div>
    </main>
  );
}
