import { createWebhookOp, listWebhooksOp } from "@/server/operations/webhooks";
import { route } from "@/server/http/route";
import { createWebhook, listWebhooks } from "@/server/webhooks";

export const GET = route(listWebhooksOp, ({ ctx, params, query }) => listWebhooks({ ctx, slug: params.slug, page: query }));
export const POST = route(createWebhookOp, ({ ctx, params, body }) => createWebhook({ ctx, slug: params.slug, input: body }));
