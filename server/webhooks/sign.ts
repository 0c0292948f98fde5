import { createHmac } from "node:crypto";

/** `sha256=<hex HMAC-SHA256 of the raw body>`, the X-Signature header. */
export function signature(secret: string, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;
}
