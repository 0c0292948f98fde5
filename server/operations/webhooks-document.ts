import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { eventTypes, type EventType } from "../events/catalog";
import { webhookPayloads } from "../webhooks/payload";

const summaries: Record<EventType, string> = {
  "task.created": "A task was created; data is the task",
  "task.updated": "A task changed; data is the task after the change and one entry per changed field",
  "task.deleted": "A task was deleted (moved to the project's trash, restorable for 30 days)",
  "task.restored": "A deleted task was restored from the trash; data is the task as it is again",
  "comment.created": "A comment was added to a task",
  "comment.updated": "A comment was edited",
  "comment.deleted": "A comment was deleted",
  "project.updated": "A project's settings changed (archive and restore included)",
  "project.member_added": "Someone was added to a project",
  "project.member_removed": "Someone left or was removed from a project",
  "time_entry.created": "Time was logged on a task, or a timer started (running: true, durationSeconds: null)",
  "time_entry.updated": "A time entry changed, or a timer stopped (it gains its duration)",
  "time_entry.deleted": "A time entry was deleted (a running timer discarded)",
  "custom_field.created": "A custom field was added to a project; data is the field",
  "custom_field.updated": "A custom field changed (name, type, options, order); data is the field after the change",
  "custom_field.deleted": "A custom field was deleted, with its values on every task",
  "cycle.created": "A cycle (sprint) was created, by hand or ahead by the scheduler; data is the cycle",
  "cycle.updated": "A cycle was renamed or its dates changed",
  "cycle.completed": "A cycle ended: its report is frozen and its unfinished tasks moved to the next cycle (carriedOver)",
  "cycle.deleted": "A cycle was deleted; its tasks are in no cycle any more",
};

const headers = z.object({
  "X-Signature": z.string().meta({ description: "sha256=<hex HMAC-SHA256 of the raw body with the webhook's secret>" }),
  "X-Tasklane-Event": z.string().meta({ description: "The event type, as in the body" }),
  "X-Tasklane-Delivery": z.uuid().meta({ description: "The delivery's id (one per webhook and event; the same on every retry)" }),
});

/** The OpenAPI 3.1 `webhooks` section: what Tasklane POSTs to a subscribed URL, one entry per event type. */
export function registerWebhooks(registry: OpenAPIRegistry): void {
  for (const type of eventTypes) {
    registry.registerWebhook({
      method: "post",
      path: type,
      operationId: `webhook${type
        .split(/[._]/)
        .map((w) => w[0]!.toUpperCase() + w.slice(1))
        .join("")}`,
      summary: summaries[type],
      tags: ["Webhooks"],
      request: { headers, body: { required: true, content: { "application/json": { schema: webhookPayloads[type] } } } },
      responses: {
        200: {
          description: "Any 2xx acknowledges the delivery. Anything else, or no answer within 10 s, is retried with exponential backoff",
        },
      },
    });
  }
}
