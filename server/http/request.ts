import { randomUUID } from "node:crypto";
import { logger } from "@/config/log";
import { settings } from "@/config/settings";
import { clientAddress, UNKNOWN_IP } from "@/config/trusted-proxies";

export { UNKNOWN_IP };

const SAFE_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** A caller-supplied X-Request-Id is kept when it looks sane, so traces join up across services. */
export function requestIdOf(req: Request): string {
  const given = req.headers.get("x-request-id");
  return given && SAFE_ID.test(given) ? given : randomUUID();
}

/**
 * The client address: the first untrusted X-Forwarded-For hop from the right under TRUSTED_PROXIES.
 * Next's route handlers never see the socket peer, so with nobody trusted (the default) the address
 * is unknown and per-IP limits are skipped rather than pooled (one pooled bucket would let a single
 * caller lock everyone out of signing in). The one reader for the API, server actions, sign-in and the sidecar.
 */
export function clientIp(req: Request | Headers | { headers: Record<string, string | string[] | undefined> }): string {
  const forwarded = forwardedFor(req);
  const trust = settings().TRUSTED_PROXIES;
  if (trust.kind === "none" && forwarded && !warned) {
    warned = true;
    // next start fills X-Forwarded-For with the socket peer only when a request has none, so a client
    // connecting directly can write it: without TRUSTED_PROXIES it names nobody.
    logger().info("X-Forwarded-For ignored (TRUSTED_PROXIES is unset): per-IP limits are off; behind a proxy, set TRUSTED_PROXIES");
  }
  return clientAddress(forwarded, trust) ?? UNKNOWN_IP;
}

let warned = false;

function forwardedFor(req: Request | Headers | { headers: Record<string, string | string[] | undefined> }): string | null {
  if (req instanceof Headers) return req.get("x-forwarded-for");
  if (req instanceof Request) return req.headers.get("x-forwarded-for");
  const value = req.headers["x-forwarded-for"];
  // Several header lines are one list, in order (RFC 9110 section 5.3).
  return Array.isArray(value) ? value.join(",") : (value ?? null);
}

/** The User-Agent, trimmed to what an audit entry keeps. */
export function userAgentOf(req: Request | Headers): string | undefined {
  const headers = req instanceof Headers ? req : req.headers;
  return headers.get("user-agent")?.slice(0, 512) || undefined;
}

/** If-Match: "3", W/"3" or 3 → 3; "*" or absent → undefined; anything else → NaN (rejected). */
export function parseIfMatch(header: string | null): number | undefined {
  if (header === null || header.trim() === "*") return undefined;
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  return m ? Number(m[1]) : Number.NaN;
}
