import { getToken } from "next-auth/jwt";
import { settings } from "@/config/settings";

/** The browser session: next-auth's encrypted cookie holds our revocable session token. */
export async function sessionTokenFromCookie(req: Request): Promise<string | null> {
  if (!req.headers.get("cookie")?.includes("authjs.session-token")) return null;
  const s = settings();
  try {
    const jwt = await getToken({ req, secret: s.AUTH_SECRET, secureCookie: s.APP_URL.startsWith("https://") });
    return typeof jwt?.sessionToken === "string" ? jwt.sessionToken : null;
  } catch {
    return null;
  }
}
