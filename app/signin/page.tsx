import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { signInAction } from "@/app/actions/auth";
import { currentContext } from "@/app/lib/session";
import { AuthForm } from "@/components/auth/auth-form";
import { Brand } from "@/components/ui/brand";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; email?: string }> }) {
  const { next, email } = await searchParams;
  if (await currentContext()) redirect(next && next.startsWith("/") && !next.startsWith("//") ? next : "/");
  const signupHref = next ? `/signup?next=${encodeURIComponent(next)}` : "/signup";
  return (
    <main id="main" className="auth-page">
      <div className="auth-card stack">
        <Brand />
        <div className="card stack">
          <h1>Sign in</h1>
          <AuthForm mode="signin" action={signInAction} next={next} email={email} />
        </div>
        <p className="muted">
          New to Tasklane? <Link href={signupHref}>Create an account</Link>
        </p>
      </div>
    </main>
  );
}
