import { z } from "zod";
import { eventTypes } from "../events/catalog";
import { PageQuery } from "../pagination";

/** The outbox event types a webhook may subscribe to: every type of the event catalog. */
export const webhookEventTypes = eventTypes;
export const WebhookEventType = z.enum(webhookEventTypes).meta({ id: "WebhookEventType" });

export const CreateWebhookInput = z
  .object({
    url: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).max(2000, "must be at most 2000 characters"),
    events: z
      .array(WebhookEventType)
      .min(1, "choose at least one event type")
      .max(webhookEventTypes.length)
      .refine((v) => new Set(v).size === v.length, "must not repeat an event type"),
    secret: z.string().min(16, "must be at least 16 characters").max(200, "must be at most 200 characters").optional(),
  })
  .meta({ id: "CreateWebhookInput" });
export type CreateWebhookInput = z.infer<typeof CreateWebhookInput>;

export const Webhook = z
  .object({
    id: z.uuid(),
    url: z.string(),
    events: z.array(z.string()),
    active: z.boolean(),
    disabledAt: z.iso.datetime().nullable(),
    disabledReason: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Webhook" });
export type Webhook = z.infer<typeof Webhook>;

/** Returned once, on create: the only time the signing secret is shown. */
export const CreatedWebhook = Webhook.extend({ secret: z.string() }).meta({ id: "CreatedWebhook" });
export type CreatedWebhook = z.infer<typeof CreatedWebhook>;

export const WebhookDelivery = z
  .object({
    id: z.uuid(),
    eventId: z.number().int(),
    type: z.string(),
    status: z.enum(["pending", "succeeded", "failed"]),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "WebhookDelivery" });
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const DeliveriesQuery = PageQuery.meta({ id: "WebhookDeliveriesQuery" });
