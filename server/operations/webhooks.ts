import { z } from "zod";
import { defineOperation } from "./define";
import { CreatedWebhook, CreateWebhookInput, DeliveriesQuery, Webhook, WebhookDelivery } from "../webhooks/schemas";
import { Id, pageOf, PageParams } from "./common";

const tag = "Webhooks";
const SlugParam = z.object({ slug: z.string().min(1).max(100) });
const HookParam = SlugParam.extend({ id: Id });

export const listWebhooksOp = defineOperation({
  method: "GET",
  path: "/api/v1/workspaces/{slug}/webhooks",
  tag,
  auth: "required",
  summary: "The workspace's webhooks (owners and admins; never the secret)",
  params: SlugParam,
  query: PageParams,
  response: pageOf(Webhook, "WebhookPage"),
  status: 200,
  errors: [400, 401, 403, 404, 422],
});
export const createWebhookOp = defineOperation({
  method: "POST",
  path: "/api/v1/workspaces/{slug}/webhooks",
  tag,
  auth: "required",
  summary:
    "Add a webhook (owners and admins); the signing secret, given or generated, is shown this once. Private and loopback URLs are refused.",
  params: SlugParam,
  body: CreateWebhookInput,
  response: CreatedWebhook,
  status: 201,
  idempotent: true,
  errors: [400, 401, 403, 404, 409, 415, 422],
});
export const deleteWebhookOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/workspaces/{slug}/webhooks/{id}",
  tag,
  auth: "required",
  summary: "Remove a webhook and its delivery log",
  params: HookParam,
  status: 204,
  errors: [401, 403, 404],
});
export const listDeliveriesOp = defineOperation({
  method: "GET",
  path: "/api/v1/workspaces/{slug}/webhooks/{id}/deliveries",
  tag,
  auth: "required",
  summary: "A webhook's delivery log, newest first",
  params: HookParam,
  query: DeliveriesQuery,
  response: pageOf(WebhookDelivery, "WebhookDeliveryPage"),
  status: 200,
  errors: [400, 401, 403, 404, 422],
});
