import type { Metadata } from "next";
import Link from "next/link";
import { requestPasswordResetAction } from "@/app/actions/auth";
import { RequestResetForm } from "@/components/auth/password-reset-forms";
import { Brand } from "@/components/ui/brand";

export const metadata: Metadata = { title: "Reset your password" };

export default function ForgotPasswordPage() {
  return (
    <main id="main" className="auth-page">
      <div className="auth-card stack">
        <Brand />
        <div className="card stack">
          <h1>Reset your password</h1>
          <p className="muted">Enter the email address of your account and we will send you a link to choose a new password.</p>
          <RequestResetForm action={requestPasswordResetAction} />
        </div>
        <p className="muted">
          <Link href="/signin">Back to sign in</Link>
        </p>
      </div>
    </main>
  );
}
