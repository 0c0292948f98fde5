import { randomUUID } from "node:crypto";

const SAFE_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** A caller-supplied X-Request-Id is kept when it looks sane, so traces join up across services. */
export function requestIdOf(req: Request): string {
  const given = req.headers.get("x-request-id");
  return given && SAFE_ID.test(given) ? given : randomUUID();
}

/** Behind the load balancer the first X-Forwarded-For hop is the client; "local" when no proxy said. */
export function clientIp(req: Request | Headers): string {
  const headers = req instanceof Headers ? req : req.headers;
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "local";
}

/** If-Match: "3", W/"3" or 3 → 3; "*" or absent → undefined; anything else → NaN (rejected). */
export function parseIfMatch(header: string | null): number | undefined {
  if (header === null || header.trim() === "*") return undefined;
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  return m ? Number(m[1]) : Number.NaN;
}
