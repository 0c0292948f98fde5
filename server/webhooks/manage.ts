import { randomBytes } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { webhooks } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor, requireUserId } from "../transaction";
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
  const db = await dbFor(args.ctx);
  const { workspace } = await getWorkspaceForActorOrThrow({ db, ctx: args.ctx, slug: args.slug, action: "workspace.webhooks.manage" });
  const input = CreateWebhookInput.parse(args.input);
  await assertPublicUrl(input.url);
  const secret = input.secret ?? `whsec_${randomBytes(32).toString("base64url")}`;
  const [row] = await db
    .insert(webhooks)
    .values({ workspaceId: workspace.id, url: input.url, events: input.events, secret, createdBy: userId })
    .returning();
  return { ...toWebhook(row!), secret };
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
  const db = await dbFor(args.ctx);
  const { workspace } = await getWorkspaceForActorOrThrow({ db, ctx: args.ctx, slug: args.slug, action: "workspace.webhooks.manage" });
  const rows = await db
    .delete(webhooks)
    .where(and(eq(webhooks.id, args.webhookId), eq(webhooks.workspaceId, workspace.id)))
    .returning({ id: webhooks.id });
  if (rows.length === 0) throw new NotFoundError("Webhook");
}
