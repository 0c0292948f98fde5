import { listDeliveriesOp } from "@/server/operations/webhooks";
import { route } from "@/server/http/route";
import { listDeliveries } from "@/server/webhooks";

export const GET = route(listDeliveriesOp, ({ ctx, params, query }) =>
  listDeliveries({ ctx, slug: params.slug, webhookId: params.id, page: query }),
);
