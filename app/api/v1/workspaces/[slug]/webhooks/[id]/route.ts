import { deleteWebhookOp } from "@/server/operations/webhooks";
import { route } from "@/server/http/route";
import { removeWebhook } from "@/server/webhooks";

export const DELETE = route(deleteWebhookOp, ({ ctx, params }) => removeWebhook({ ctx, slug: params.slug, webhookId: params.id }));
