import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { signInAction, signInWithSsoAction } from "@/app/actions/auth";
import { currentContext } from "@/app/lib/session";
import { SignInForm } from "@/components/auth/signin-form";
import { Brand } from "@/components/ui/brand";
import { oidcConfigured } from "@/server/account";
import { settings } from "@/config/settings";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; email?: string; error?: string }> }) {
  const { next, email, error } = await searchParams;
  if (await currentContext()) redirect(next && next.startsWith("/") && !next.startsWith("//") ? next : "/");
  const signupHref = next ? `/signup?next=${encodeURIComponent(next)}` : "/signup";
  // next-auth's own codes (e.g. "OAuthCallbackError") are not for people: one plain sentence instead.
  const ssoError = error ? (/^[A-Z][A-Za-z]+$/.test(error) ? "Single sign-on failed; please try again" : error.slice(0, 200)) : null;
  return (
    <main id="main" className="auth-page">
      <div className="auth-card stack">
        <Brand />
        <div className="card stack">
          <h1>Sign in</h1>
          {ssoError && (
            <p className="alert" role="alert">
              {ssoError}
            </p>
          )}
          <SignInForm action={signInAction} next={next} email={email} />
          {oidcConfigured() && (
            <form action={signInWithSsoAction} className="stack">
              <input type="hidden" name="next" value={next ?? ""} />
              <button type="submit" className="btn">
                Continue with {settings().OIDC_NAME}
              </button>
            </form>
          )}
        </div>
        <p className="muted">
          New to Tasklane? <Link href={signupHref}>Create an account</Link>
        </p>
      </div>
    </main>
  );
}
