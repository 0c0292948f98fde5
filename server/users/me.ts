import { and, eq, ne, isNull } from "drizzle-orm";
import { authTokens, users } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor, requireUserId, withTransaction } from "../transaction";
import { NotFoundError, fieldError } from "../errors";
import { hashPassword, verifyPassword } from "../auth/password";
import { forgetRevokedTokens } from "../auth/actor-cache";
import { UpdateMeInput, toUser, type Me, type User } from "./schemas";

export async function getMe(args: { ctx: ServiceContext }): Promise<Me> {
  const userId = requireUserId(args.ctx);
  const db = await dbFor(args.ctx);
  const [row] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!row) throw new NotFoundError("User");
  return { ...toUser(row), emailVerified: Boolean(row.emailVerifiedAt), twoFactorEnabled: Boolean(row.totpEnabledAt) };
}

/** Changing the password needs the current one and signs out every other session. */
export async function updateMe(args: { ctx: ServiceContext; input: UpdateMeInput }): Promise<User> {
  const userId = requireUserId(args.ctx);
  const input = UpdateMeInput.parse(args.input);
  const newHash = input.password ? await hashPassword(input.password) : undefined;
  const user = await withTransaction(args.ctx, async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, userId)).for("update").limit(1);
    if (!current) throw new NotFoundError("User");
    if (newHash) {
      if (!(await verifyPassword(current.passwordHash, input.currentPassword ?? "")))
        throw fieldError("currentPassword", "is not your current password");
      const keep = args.ctx.actor.kind === "user" || args.ctx.actor.kind === "token" ? args.ctx.actor.tokenId : "";
      await tx
        .update(authTokens)
        .set({ revokedAt: args.ctx.now })
        .where(
          and(
            eq(authTokens.userId, userId),
            eq(authTokens.kind, "session"),
            isNull(authTokens.revokedAt),
            keep ? ne(authTokens.id, keep) : undefined,
          ),
        );
    }
    const [row] = await tx
      .update(users)
      .set({ ...(input.name ? { name: input.name } : {}), ...(newHash ? { passwordHash: newHash } : {}), updatedAt: args.ctx.now })
      .where(eq(users.id, userId))
      .returning();
    return toUser(row!);
  });
  // After commit: the other sessions were revoked, so no cached copy may outlive it.
  if (newHash) await forgetRevokedTokens({ userId });
  return user;
}
