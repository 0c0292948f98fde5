import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { settings } from "@/config/settings";
import { logger } from "@/config/log";

// TOTP secrets are stored sealed (AES-256-GCM, key derived from AUTH_SECRET), so a database dump or
// a read replica alone cannot mint codes. "v1." marks a sealed value; anything else is a secret
// stored before sealing existed, read as is and sealed at its next accepted code.
const PREFIX = "v1.";

function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", settings().AUTH_SECRET, "tasklane", "totp-secret", 32));
}

export function sealTotpSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/** The base32 secret, or null when it was sealed under another AUTH_SECRET (codes then fail; recovery codes still work). */
export function openTotpSecret(stored: string): string | null {
  if (!isSealed(stored)) return stored;
  try {
    const raw = Buffer.from(stored.slice(PREFIX.length), "base64url");
    const decipher = createDecipheriv("aes-256-gcm", key(), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    logger().warn("a TOTP secret does not open with this AUTH_SECRET (was it rotated?)");
    return null;
  }
}
