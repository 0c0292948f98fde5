import { and, eq, isNull } from "drizzle-orm";
import { webhookDeliveries, webhooks } from "@/db/schema";
import type { Consumer } from "../events/dispatcher";
import { webhookBody } from "./payload";
import { wakeWebhookWorker } from "./worker";

/**
 * Queues one delivery per (webhook, event) for the workspace's active webhooks that chose the
 * event's type. The body is fixed here, so every retry sends the same bytes and signature; it is
 * read through the schema the OpenAPI document's `webhooks` section shows.
 */
export const webhooksConsumer: Consumer = {
  name: "webhooks",
  async handle(tx, events, { afterCommit }) {
    const hooks = await tx
      .select({ id: webhooks.id, events: webhooks.events })
      .from(webhooks)
      .where(and(eq(webhooks.workspaceId, events[0]!.workspaceId), isNull(webhooks.disabledAt)));
    if (hooks.length === 0) return;
    const rows = events.flatMap((e) => {
      const chosen = hooks.filter((h) => h.events.includes(e.type));
      const body = chosen.length ? webhookBody(e) : "";
      return chosen.map((h) => ({ webhookId: h.id, eventId: e.id, eventType: e.type, body }));
    });
    if (rows.length === 0) return;
    await tx.insert(webhookDeliveries).values(rows).onConflictDoNothing();
    afterCommit(wakeWebhookWorker);
  },
};
