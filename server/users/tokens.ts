import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { authTokens } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor, requireUserId, withTransaction } from "../transaction";
import { recordUserAudit } from "../audit";
import { NotFoundError } from "../errors";
import { decodeCursor, PageQuery, toPage, type Page } from "../pagination";
import { newToken } from "../auth/tokens";
import { forgetRevokedTokens } from "../auth/actor-cache";
import { CreateTokenInput, type CreatedToken, type TokenSummary } from "./schemas";

export async function listTokens(args: { ctx: ServiceContext; page: PageQuery }): Promise<Page<TokenSummary>> {
  const userId = requireUserId(args.ctx);
  const page = PageQuery.parse(args.page);
  const after = decodeCursor(page.cursor, z.tuple([z.iso.datetime(), z.uuid()]));
  const db = await dbFor(args.ctx);
  const rows = await db
    .select()
    .from(authTokens)
    .where(
      and(
        eq(authTokens.userId, userId),
        eq(authTokens.kind, "personal"),
        isNull(authTokens.revokedAt),
        after ? sql`(${authTokens.createdAt}, ${authTokens.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(authTokens.createdAt), desc(authTokens.id))
    .limit(page.limit + 1);
  return toPage(
    rows,
    page.limit,
    (r) => [r.createdAt.toISOString(), r.id],
    (r) => ({
      id: r.id,
      name: r.name ?? "",
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt?.toISOString() ?? null,
      lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    }),
  );
}

/** The token is returned once; only its hash is kept. */
export async function createToken(args: { ctx: ServiceContext; input: CreateTokenInput }): Promise<CreatedToken> {
  const userId = requireUserId(args.ctx);
  const input = CreateTokenInput.parse(args.input);
  const { token, hash } = newToken("personal");
  const expiresAt = input.expiresInDays ? new Date(args.ctx.now.getTime() + input.expiresInDays * 86_400_000) : null;
  const row = await withTransaction(args.ctx, async (tx) => {
    const [created] = await tx
      .insert(authTokens)
      .values({ userId, kind: "personal", name: input.name, tokenHash: hash, expiresAt })
      .returning();
    // A token reaches every workspace its owner belongs to, so each of them records it.
    await recordUserAudit(tx, args.ctx, userId, {
      type: "token.created",
      target: { type: "token", id: created!.id },
      data: { name: input.name, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return created;
  });
  return { id: row!.id, name: input.name, token, expiresAt: expiresAt?.toISOString() ?? null };
}

export async function revokeToken(args: { ctx: ServiceContext; tokenId: string }): Promise<void> {
  const userId = requireUserId(args.ctx);
  await withTransaction(args.ctx, async (tx) => {
    const rows = await tx
      .update(authTokens)
      .set({ revokedAt: args.ctx.now })
      .where(
        and(eq(authTokens.id, args.tokenId), eq(authTokens.userId, userId), eq(authTokens.kind, "personal"), isNull(authTokens.revokedAt)),
      )
      .returning({ id: authTokens.id, name: authTokens.name });
    if (rows.length === 0) throw new NotFoundError("Token");
    await recordUserAudit(tx, args.ctx, userId, {
      type: "token.revoked",
      target: { type: "token", id: rows[0]!.id },
      data: { name: rows[0]!.name },
    });
  });
  await forgetRevokedTokens({ tokenId: args.tokenId });
}
