import { createHash, randomBytes } from "node:crypto";

// Opaque bearer tokens: only their SHA-256 is stored, so a database leak reveals none.
export type TokenKind = "session" | "personal" | "invitation";
const PREFIX: Record<TokenKind, string> = { session: "tls_", personal: "tlp_", invitation: "tli_" };

export function newToken(kind: TokenKind): { token: string; hash: string } {
  const token = PREFIX[kind] + randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
