import { NextResponse, type NextRequest } from "next/server";
import { settings } from "@/config/settings";
import { contentSecurityPolicy, securityHeaders } from "@/server/http/security-headers";

/**
 * Security headers on every page and API response, with a fresh CSP nonce per request. Next reads
 * the nonce from the request's Content-Security-Policy header and puts it on its own scripts; the
 * root layout reads x-nonce for the theme script. A nonce needs dynamic rendering, which the root
 * layout forces by reading the request headers.
 */
export function proxy(request: NextRequest): NextResponse {
  const s = settings();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const options = { nonce, appUrl: s.APP_URL, realtimeUrl: s.REALTIME_URL, development: s.NODE_ENV === "development" };
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("content-security-policy", contentSecurityPolicy(options));
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(securityHeaders(options, request.nextUrl.pathname))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but hashed static assets (next.config.ts gives those the static headers).
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
