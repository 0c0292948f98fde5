import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { webhookDeliveries, webhooks } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor } from "../transaction";
import { NotFoundError } from "../errors";
import { decodeCursor, PageQuery, toPage, type Page } from "../pagination";
import { getWorkspaceForActorOrThrow } from "../workspaces/internal";
import type { WebhookDelivery } from "./schemas";

/** The delivery log of one webhook, newest first. */
export async function listDeliveries(args: {
  ctx: ServiceContext;
  slug: string;
  webhookId: string;
  page: PageQuery;
}): Promise<Page<WebhookDelivery>> {
  const db = await dbFor(args.ctx);
  const { workspace } = await getWorkspaceForActorOrThrow({ db, ctx: args.ctx, slug: args.slug, action: "workspace.webhooks.manage" });
  const [hook] = await db
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(and(eq(webhooks.id, args.webhookId), eq(webhooks.workspaceId, workspace.id)));
  if (!hook) throw new NotFoundError("Webhook");
  const page = PageQuery.parse(args.page);
  const after = decodeCursor(page.cursor, z.tuple([z.iso.datetime(), z.uuid()]));
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.webhookId, hook.id),
        after ? sql`(${webhookDeliveries.createdAt}, ${webhookDeliveries.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(page.limit + 1);
  return toPage(
    rows,
    page.limit,
    (r) => [r.createdAt.toISOString(), r.id],
    (r) => ({
      id: r.id,
      eventId: Number(r.eventId),
      type: r.eventType,
      status: r.status,
      attempts: r.attempts,
      lastStatusCode: r.lastStatusCode,
      lastError: r.lastError,
      nextAttemptAt: r.status === "pending" ? r.nextAttemptAt.toISOString() : null,
      createdAt: r.createdAt.toISOString(),
      completedAt: r.completedAt?.toISOString() ?? null,
    }),
  );
}
