import { and, eq, isNull } from "drizzle-orm";
import { authTokens } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor } from "../transaction";
import { UnauthenticatedError } from "../errors";
import { forgetRevokedTokens } from "../auth/actor-cache";

/** Revokes the token or session the caller presented; it stops working at once. */
export async function logout(args: { ctx: ServiceContext }): Promise<void> {
  const actor = args.ctx.actor;
  if (actor.kind !== "user" && actor.kind !== "token") throw new UnauthenticatedError();
  const db = await dbFor(args.ctx);
  await db
    .update(authTokens)
    .set({ revokedAt: args.ctx.now })
    .where(and(eq(authTokens.id, actor.tokenId), eq(authTokens.userId, actor.userId), isNull(authTokens.revokedAt)));
  await forgetRevokedTokens({ tokenId: actor.tokenId });
}

/** Used by the browser sign-out, which holds the raw session token. */
export async function revokeSessionToken(tokenHash: string, now = new Date()): Promise<void> {
  const { database } = await import("@/db/client");
  const db = await database();
  await db
    .update(authTokens)
    .set({ revokedAt: now })
    .where(and(eq(authTokens.tokenHash, tokenHash), isNull(authTokens.revokedAt)));
  await forgetRevokedTokens({ tokenHash });
}
