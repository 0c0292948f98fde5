import { randomBytes } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { webhooks } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor, requireUserId, withTransaction } from "../transaction";
import { recordAudit } from "../audit";
import { NotFoundError } from "../errors";
import { decodeCursor, PageQuery, toPage, type Page } from "../pagination";
import { getWorkspaceForActorOrThrow } from "../workspaces/internal";
import { CreateWebhookInput, type CreatedWebhook, type Webhook } from "./schemas";
import { assertPublicUrl } from "./url-guard";

type WebhookRow = typeof webhooks.$inferSelect;

export function toWebhook(row: WebhookRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    active: row.disabledAt === null,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    disabledReason: row.disabledReason,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Owners and admins only; the secret (given or generated) is returned this once. */
export async function createWebhook(args: { ctx: ServiceContext; slug: string; input: CreateWebhookInput }): Promise<CreatedWebhook> {
  const userId = requireUserId(args.ctx);
  const input = CreateWebhookInput.parse(args.input);
  // The address check resolves DNS: done before the transaction, so no connection waits on it.
  await getWorkspaceForActorOrThrow({ db: await dbFor(args.ctx), ctx: args.ctx, slug: args.slug, action: "workspace.webhooks.manage" });
  await assertPublicUrl(input.url);
  const secret = input.secret ?? `whsec_${randomBytes(32).toString("base64url")}`;
  return withTransaction(args.ctx, async (tx) => {
    const { workspace } = await getWorkspaceForActorOrThrow({
      db: tx,
      ctx: args.ctx,
      slug: args.slug,
      action: "workspace.webhooks.manage",
    });
    const [row] = await tx
      .insert(webhooks)
      .values({ workspaceId: workspace.id, url: input.url, events: input.events, secret, createdBy: userId })
      .returning();
    await recordAudit(tx, args.ctx, {
      workspaceId: workspace.id,
      type: "webhook.created",
      target: { type: "webhook", id: row!.id },
      data: { url: input.url, events: input.events },
    });
    return { ...toWebhook(row!), secret };
  });
}

export async function listWebhooks(args: { ctx: ServiceContext; slug: string; page: PageQuery }): Promise<Page<Webhook>> {
  const db = await dbFor(args.ctx);
  const { workspace } = await getWorkspaceForActorOrThrow({ db, ctx: args.ctx, slug: args.slug, action: "workspace.webhooks.manage" });
  const page = PageQuery.parse(args.page);
  const after = decodeCursor(page.cursor, z.tuple([z.iso.datetime(), z.uuid()]));
  const rows = await db
    .select()
    .from(webhooks)
    .where(
      and(
        eq(webhooks.workspaceId, workspace.id),
        after ? sql`(${webhooks.createdAt}, ${webhooks.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(webhooks.createdAt), desc(webhooks.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.createdAt.toISOString(), r.id], toWebhook);
}

export async function removeWebhook(args: { ctx: ServiceContext; slug: string; webhookId: string }): Promise<void> {
  await withTransaction(args.ctx, async (tx) => {
    const { workspace } = await getWorkspaceForActorOrThrow({
      db: tx,
      ctx: args.ctx,
      slug: args.slug,
      action: "workspace.webhooks.manage",
    });
    const rows = await tx
      .delete(webhooks)
      .where(and(eq(webhooks.id, args.webhookId), eq(webhooks.workspaceId, workspace.id)))
      .returning({ id: webhooks.id, url: webhooks.url });
    if (rows.length === 0) throw new NotFoundError("Webhook");
    await recordAudit(tx, args.ctx, {
      workspaceId: workspace.id,
      type: "webhook.deleted",
      target: { type: "webhook", id: rows[0]!.id },
      data: { url: rows[0]!.url },
    });
  });
}
