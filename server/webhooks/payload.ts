import { z } from "zod";
import { eventPayloads, eventTypes, type EventType } from "../events/catalog";
import type { OutboxEvent } from "../events/types";

const componentName = (type: EventType) =>
  `${type
    .split(/[._]/)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("")}Webhook`;

function payloadOf<T extends EventType>(type: T) {
  return z
    .object({
      id: z.number().int().positive().meta({
        description:
          "The event's id: rises within a project in the order changes committed, the same on every retry (receivers can drop duplicates)",
      }),
      type: z.literal(type),
      createdAt: z.iso.datetime().meta({ description: "When the event happened" }),
      projectId: z.uuid(),
      data: eventPayloads[type],
    })
    .meta({ id: componentName(type) });
}

/** The body POSTed to receivers, per event type: `{ id, type, createdAt, projectId, data }`. Also the OpenAPI `webhooks` section. */
export const webhookPayloads = Object.fromEntries(eventTypes.map((t) => [t, payloadOf(t)])) as {
  [T in EventType]: ReturnType<typeof payloadOf<T>>;
};

/** The exact bytes sent (and signed) for one event, read through its schema so only documented fields go out. */
export function webhookBody(e: OutboxEvent): string {
  return JSON.stringify(webhookPayloads[e.type].parse({ id: e.id, type: e.type, createdAt: e.at, projectId: e.projectId, data: e.data }));
}
