import type { Metadata } from "next";
import { verifyEmailAction } from "@/app/actions/auth";
import { VerifyEmailForm } from "@/components/auth/password-reset-forms";
import { Brand } from "@/components/ui/brand";

export const metadata: Metadata = { title: "Verify your email", referrer: "no-referrer" };

// A button, not an automatic check on visit: mail scanners open links, and the token is single-use.
export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <main id="main" className="auth-page">
      <div className="auth-card stack">
        <Brand />
        <div className="card stack">
          <h1>Verify your email</h1>
          <VerifyEmailForm action={verifyEmailAction} token={token} />
        </div>
      </div>
    </main>
  );
}
