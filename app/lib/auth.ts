import { headers } from "next/headers";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { createContext } from "@/server/context";
import { ServiceError } from "@/server/errors";
import { hashToken } from "@/server/auth/tokens";
import { clientIp, userAgentOf } from "@/server/http/request";
import { login, revokeSessionToken } from "@/server/users";
import { ACCOUNT_PROBLEMS, oidcConfigured, signInWithOidc } from "@/server/account";
import { settings } from "@/config/settings";

class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}
/** The password was right and the account has 2FA: the form asks for the code (second step). */
class TwoFactorRequired extends CredentialsSignin {
  code = "otp_required";
}
class TwoFactorInvalid extends CredentialsSignin {
  code = "otp_invalid";
}

/** OpenID Connect, configured by OIDC_ISSUER / OIDC_CLIENT_ID / OIDC_CLIENT_SECRET (callback: APP_URL/api/auth/callback/oidc). */
function oidcProvider() {
  const s = settings();
  if (!oidcConfigured()) return [];
  return [
    {
      id: "oidc",
      name: s.OIDC_NAME,
      type: "oidc" as const,
      issuer: s.OIDC_ISSUER,
      clientId: s.OIDC_CLIENT_ID,
      clientSecret: s.OIDC_CLIENT_SECRET,
      checks: ["pkce", "state", "nonce"] as ("pkce" | "state" | "nonce")[],
      authorization: { params: { scope: "openid email profile" } },
      // Claims from the userinfo endpoint: many providers put only `sub` in the ID token.
      idToken: false,
    },
  ];
}

/**
 * Auth.js builds its URLs (the OAuth redirect_uri among them) from AUTH_URL, else from the request: in a server
 * action (the SSO button) from the Host header, in the route handler (the provider's redirect back) from the
 * address `next start` listens on (http://localhost:PORT). The two then differed, and the provider refused the
 * code exchange (invalid_grant: redirect_uri mismatch). APP_URL is the public address: Auth.js uses its origin.
 */
function pinAuthUrl(appUrl: string): void {
  process.env.AUTH_URL = new URL(appUrl).origin;
}

// Lazy config: nothing reads settings at import, so `next build` needs no environment. next-auth calls it
// before it reads AUTH_URL (route handlers and the signIn/signOut/auth helpers alike).
const nextAuth = NextAuth(() => {
  const s = settings();
  pinAuthUrl(s.APP_URL);
  const secure = s.APP_URL.startsWith("https://");
  return {
    secret: s.AUTH_SECRET,
    trustHost: true,
    // Over https (decided by APP_URL: TLS usually ends at the load balancer) the session cookie is
    // __Secure-authjs.session-token, Secure; on http://localhost (tests, the embedded default) a plain
    // name, since browsers drop Secure cookies there. Always HttpOnly and SameSite=Lax.
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        name: `${secure ? "__Secure-" : ""}authjs.session-token`,
        options: { httpOnly: true, sameSite: "lax", path: "/", secure },
      },
    },
    session: { strategy: "jwt", maxAge: s.SESSION_TTL_DAYS * 86_400 },
    pages: { signIn: "/signin" },
    providers: [
      Credentials({
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
          otp: { label: "Code", type: "text" },
          recoveryCode: { label: "Recovery code", type: "text" },
        },
        async authorize(credentials, request) {
          const ctx = createContext({ kind: "anonymous" }, { ip: clientIp(request), userAgent: userAgentOf(request) });
          try {
            const result = await login({
              ctx,
              input: {
                email: String(credentials.email ?? ""),
                password: String(credentials.password ?? ""),
                otp: credentials.otp ? String(credentials.otp) : undefined,
                recoveryCode: credentials.recoveryCode ? String(credentials.recoveryCode) : undefined,
              },
            });
            return { id: result.user.id, name: result.user.name, email: result.user.email, sessionToken: result.token };
          } catch (error) {
            if (error instanceof ServiceError && error.code === "RATE_LIMITED") throw new RateLimited();
            if (error instanceof ServiceError && error.extra.type === ACCOUNT_PROBLEMS.twoFactorRequired) throw new TwoFactorRequired();
            if (error instanceof ServiceError && error.extra.type === ACCOUNT_PROBLEMS.twoFactorInvalid) throw new TwoFactorInvalid();
            if (error instanceof ServiceError || (error instanceof Error && error.name === "ZodError")) return null;
            throw error;
          }
        },
      }),
      ...oidcProvider(),
    ],
    callbacks: {
      /** SSO: find or link the account (verified email), open a session row like a password sign-in does. */
      async signIn({ user, account, profile }) {
        if (account?.provider !== "oidc") return true;
        try {
          // The callback runs in the OIDC callback's route handler, whose request names the device.
          const h = await Promise.resolve()
            .then(() => headers())
            .catch(() => new Headers());
          const result = await signInWithOidc({
            ctx: createContext({ kind: "anonymous" }, { ip: clientIp(h), userAgent: userAgentOf(h) }),
            identity: {
              issuer: settings().OIDC_ISSUER!,
              subject: String(profile?.sub ?? account.providerAccountId),
              email: typeof profile?.email === "string" ? profile.email : null,
              emailVerified: profile?.email_verified === true,
              name: typeof profile?.name === "string" ? profile.name : null,
            },
          });
          // The same object reaches the jwt callback next: it carries our user id and session token.
          Object.assign(user, { id: result.user.id, name: result.user.name, email: result.user.email, sessionToken: result.token });
          return true;
        } catch (error) {
          if (error instanceof ServiceError) return `/signin?error=${encodeURIComponent(error.message)}`;
          throw error;
        }
      },
      jwt({ token, user }) {
        // The raw session token lives only inside the encrypted JWT cookie.
        if (user && "sessionToken" in user) {
          token.sessionToken = user.sessionToken as string;
          token.sub = user.id;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub ?? "" } };
      },
    },
    events: {
      async signOut(message) {
        const raw = "token" in message ? message.token?.sessionToken : undefined;
        if (typeof raw === "string") await revokeSessionToken(hashToken(raw));
      },
    },
    logger: {
      error(error) {
        if (error instanceof CredentialsSignin) return;
        console.error(error);
      },
    },
  };
});

export const { handlers, signIn, signOut } = nextAuth;
export const auth = cache(nextAuth.auth);
