import { and, eq, gt, isNull, or } from "drizzle-orm";
import { authTokens } from "@/db/schema";
import { database } from "@/db/client";
import type { Actor } from "../context";
import { hashToken } from "./tokens";

type TokenActor = Extract<Actor, { tokenId: string }>;

/** Resolves a bearer token (login or personal) to an actor; null when unknown, expired or revoked. */
export async function actorForToken(token: string, now = new Date()): Promise<Actor | null> {
  return (await lookupToken(token, now))?.actor ?? null;
}

/** The actor and when the token expires (null: never); null when unknown, expired or revoked. */
export async function lookupToken(
  token: string,
  now = new Date(),
  hash?: string,
): Promise<{ actor: TokenActor; expiresAt: Date | null } | null> {
  if (!token.startsWith("tls_") && !token.startsWith("tlp_")) return null;
  const db = await database();
  const [row] = await db
    .select({
      id: authTokens.id,
      userId: authTokens.userId,
      kind: authTokens.kind,
      lastUsedAt: authTokens.lastUsedAt,
      expiresAt: authTokens.expiresAt,
    })
    .from(authTokens)
    .where(
      and(
        eq(authTokens.tokenHash, hash ?? hashToken(token)),
        isNull(authTokens.revokedAt),
        or(isNull(authTokens.expiresAt), gt(authTokens.expiresAt, now)),
      ),
    )
    .limit(1);
  if (!row) return null;
  // Touch lastUsedAt at most once a minute: reads should not all become writes.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(authTokens).set({ lastUsedAt: now }).where(eq(authTokens.id, row.id));
  }
  const actor: TokenActor =
    row.kind === "personal"
      ? { kind: "token", userId: row.userId, tokenId: row.id }
      : { kind: "user", userId: row.userId, tokenId: row.id, via: "session" };
  return { actor, expiresAt: row.expiresAt };
}
