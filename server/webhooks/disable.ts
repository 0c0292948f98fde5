import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { webhooks, workspaces } from "@/db/schema";
import { appLink } from "../email/notification-email";
import { announceNotifications } from "../notifications/announce";
import { createNotifications, type CreatedNotification } from "../notifications/deliver";
import { createContext } from "../context";
import { recordAudit } from "../audit";

/** Turns a failing webhook off and tells whoever created it (in-app and by email). */
export async function disableWebhook(db: Database, webhookId: string, reason: string): Promise<void> {
  const created: CreatedNotification[] = await db.transaction(async (t) => {
    const tx = t as unknown as Database;
    const [hook] = await tx
      .update(webhooks)
      .set({ disabledAt: new Date(), disabledReason: reason.slice(0, 500) })
      .where(and(eq(webhooks.id, webhookId), isNull(webhooks.disabledAt)))
      .returning();
    if (!hook) return [];
    await recordAudit(tx, createContext({ kind: "system" }, { now: hook.disabledAt! }), {
      workspaceId: hook.workspaceId,
      type: "webhook.disabled",
      target: { type: "webhook", id: hook.id },
      data: { url: hook.url, reason: reason.slice(0, 500) },
    });
    if (!hook.createdBy) return [];
    const [ws] = await tx
      .select({ slug: workspaces.slug, name: workspaces.name })
      .from(workspaces)
      .where(eq(workspaces.id, hook.workspaceId));
    return createNotifications(tx, {
      type: "webhook.disabled",
      userIds: [hook.createdBy],
      dedupe: `webhook-disabled:${hook.id}:${hook.disabledAt!.getTime()}`,
      eventId: null,
      projectId: null,
      taskId: null,
      actorId: null,
      subject: { message: `Webhook ${hook.url} in ${ws?.name ?? "your workspace"} was disabled: it keeps failing` },
      link: { href: appLink(`/w/${encodeURIComponent(ws?.slug ?? "")}/settings/webhooks`), label: "Review webhooks" },
      detail: reason,
    });
  });
  await announceNotifications(created);
}
