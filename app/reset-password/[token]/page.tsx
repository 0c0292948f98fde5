import type { Metadata } from "next";
import Link from "next/link";
import { resetPasswordAction } from "@/app/actions/auth";
import { ResetPasswordForm } from "@/components/auth/password-reset-forms";
import { Brand } from "@/components/ui/brand";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

// The token is checked when the form is sent (a visit alone, e.g. a mail scanner's, uses nothing up).
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <main id="main" className="auth-page">
      <div className="auth-card stack">
        <Brand />
        <div className="card stack">
          <h1>Choose a new password</h1>
          <ResetPasswordForm action={resetPasswordAction} token={token} />
        </div>
        <p className="muted">
          <Link href="/signin">Back to sign in</Link>
        </p>
      </div>
    </main>
  );
}
