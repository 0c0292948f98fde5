import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { authTokens, recoveryCodes, userIdentities, users } from "@/db/schema";
import { forgetRevokedTokens } from "../auth/actor-cache";
import { noteSignIn } from "../audit";
import type { ServiceContext } from "../context";
import { withTransaction } from "../transaction";
import { ForbiddenError } from "../errors";
import { hashPassword } from "../auth/password";
import { newToken } from "../auth/tokens";
import { settings } from "@/config/settings";

export type OidcIdentity = { issuer: string; subject: string; email?: string | null; emailVerified: boolean; name?: string | null };

/**
 * Signs in through OpenID Connect: the identity (issuer + subject) once linked, else the account
 * whose email the provider says it verified (then linked), else a new account when sign-up is open.
 * An unverified email never links to an existing account: that would let the provider's users take it over.
 * Linking an account whose email was never verified here hands it to the proven owner of the address:
 * whoever signed up with it first loses the password, 2FA and every token they set up.
 */
export async function signInWithOidc(args: {
  ctx: ServiceContext;
  identity: OidcIdentity;
}): Promise<{ user: { id: string; name: string; email: string }; token: string }> {
  const { identity } = args;
  const email = identity.email?.trim().toLowerCase() || null;
  // Accounts made here have no usable password (a random one nobody knows) until they reset it.
  const unusablePassword = await hashPassword(randomBytes(32).toString("base64url"));
  let claimed: string | null = null;
  const signedIn = await withTransaction(args.ctx, async (tx) => {
    const [linked] = await tx
      .select({ user: users })
      .from(userIdentities)
      .innerJoin(users, eq(users.id, userIdentities.userId))
      .where(and(eq(userIdentities.provider, identity.issuer), eq(userIdentities.subject, identity.subject)))
      .limit(1);
    let user = linked?.user;
    if (!user) {
      if (!email || !identity.emailVerified) throw new ForbiddenError("Your identity provider did not confirm your email address");
      [user] = await tx
        .select()
        .from(users)
        .where(sql`lower(${users.email}) = ${email}`)
        .limit(1);
      if (!user) {
        if (!settings().ALLOW_SIGNUP) throw new ForbiddenError("Sign-up is disabled on this server");
        [user] = await tx
          .insert(users)
          .values({
            email,
            name: identity.name?.trim().slice(0, 100) || email.split("@")[0]!,
            passwordHash: unusablePassword,
            emailVerifiedAt: args.ctx.now,
          })
          .returning();
      }
      await tx.insert(userIdentities).values({ provider: identity.issuer, subject: identity.subject, userId: user!.id });
      if (!user!.emailVerifiedAt) claimed = user!.id;
    }
    if (claimed) {
      const now = args.ctx.now;
      await tx
        .update(users)
        .set({ passwordHash: unusablePassword, totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: now })
        .where(eq(users.id, claimed));
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, claimed));
      await tx
        .update(authTokens)
        .set({ revokedAt: now })
        .where(and(eq(authTokens.userId, claimed), isNull(authTokens.revokedAt)));
    }
    if (email && identity.emailVerified && email === user!.email.toLowerCase() && !user!.emailVerifiedAt) {
      await tx.update(users).set({ emailVerifiedAt: args.ctx.now }).where(eq(users.id, user!.id));
    }
    const { token, hash } = newToken("session");
    const expiresAt = new Date(args.ctx.now.getTime() + settings().SESSION_TTL_DAYS * 86_400_000);
    await tx.insert(authTokens).values({ userId: user!.id, kind: "session", tokenHash: hash, expiresAt });
    await noteSignIn(tx, args.ctx, user!.id); // a first sign-in from this device is audited, as with a password
    return { user: { id: user!.id, name: user!.name, email: user!.email }, token };
  });
  if (claimed) await forgetRevokedTokens({ userId: claimed });
  return signedIn;
}

export function oidcConfigured(): boolean {
  const s = settings();
  return Boolean(s.OIDC_ISSUER && s.OIDC_CLIENT_ID && s.OIDC_CLIENT_SECRET);
}
