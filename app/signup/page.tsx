import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { signUpAction } from "@/app/actions/auth";
import { currentContext } from "@/app/lib/session";
import { AuthForm } from "@/components/auth/auth-form";
import { Brand } from "@/components/ui/brand";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string; email?: string }> }) {
  const { next, email } = await searchParams;
  if (await currentContext()) redirect("/");
  const signinHref = next ? `/signin?next=${encodeURIComponent(next)}` : "/signin";
  return (
    <main id="main" className="auth-page">
      <div className="auth-card stack">
        <Brand />
        <div className="card stack">
          <h1>Create your account</h1>
          <AuthForm mode="signup" action={signUpAction} next={next} email={email} />
        </div>
        <p className="muted">
          Already have an account? <Link href={signinHref}>Sign in</Link>
        </p>
      </div>
    </main>
  );
}
