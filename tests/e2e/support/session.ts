import type { BrowserContext } from "@playwright/test";
import { encode } from "next-auth/jwt";
import type { TestUser } from "./api";

const COOKIE = "authjs.session-token";

/**
 * Signs a browser context in as `user` without the sign-in form: the cookie next-auth would set,
 * wrapping the session token the API's login returned (the form is covered in auth.spec.ts).
 */
export async function signInContext(context: BrowserContext, baseURL: string, user: TestUser): Promise<void> {
  const secret = process.env.E2E_AUTH_SECRET;
  if (!secret) throw new Error("E2E_AUTH_SECRET is not set: the global setup did not run");
  const value = await encode({
    token: { sub: user.id, name: user.name, email: user.email, sessionToken: user.token },
    secret,
    salt: COOKIE,
    maxAge: 86_400,
  });
  await context.addCookies([{ name: COOKIE, value, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
}
