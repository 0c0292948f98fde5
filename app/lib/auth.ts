import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { createContext } from "@/server/context";
import { ServiceError } from "@/server/errors";
import { hashToken } from "@/server/auth/tokens";
import { clientIp, userAgentOf } from "@/server/http/request";
import { login, revokeSessionToken } from "@/server/users";
import { settings } from "@/config/settings";

class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

// Lazy config: nothing reads settings at import, so `next build` needs no environment.
const nextAuth = NextAuth(() => {
  const s = settings();
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
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const ctx = createContext({ kind: "anonymous" }, { ip: clientIp(request), userAgent: userAgentOf(request) });
          try {
            const result = await login({
              ctx,
              input: { email: String(credentials.email ?? ""), password: String(credentials.password ?? "") },
            });
            return { id: result.user.id, name: result.user.name, email: result.user.email, sessionToken: result.token };
          } catch (error) {
            if (error instanceof ServiceError && error.code === "RATE_LIMITED") throw new RateLimited();
            if (error instanceof ServiceError || (error instanceof Error && error.name === "ZodError")) return null;
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        // The raw session token lives only inside the encrypted JWT cookie.
        if (user && "sessionToken" in user) token.sessionToken = user.sessionToken as string;
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
