export * from "./schemas";
export { createWebhook, listWebhooks, removeWebhook } from "./manage";
export { listDeliveries } from "./deliveries";
export { webhooksConsumer } from "./consumer";
export { startWebhookWorker, wakeWebhookWorker, deliverDueWebhooks } from "./worker";
export { signature } from "./sign";
