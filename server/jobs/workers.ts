import { startEmailWorker } from "../email/jobs";
import { Dispatcher } from "../events/dispatcher";
import { listenForEvents } from "../events/listen";
import { realtimeConsumer } from "../events/realtime-consumer";
import { realtimeSink } from "../events/sink";
import { notificationsConsumer } from "../notifications/consumer";
import { settings } from "@/config/settings";
import { webhooksConsumer } from "../webhooks/consumer";
import { startWebhookWorker } from "../webhooks/worker";
import { startDueSoonScheduler } from "./due-soon";

export type BackgroundWork = { dispatcher: Dispatcher; stop(): Promise<void> };

/**
 * The outbox dispatcher (realtime when a sink is set, notifications, webhooks), the email and
 * webhook senders and the due-soon reminders. Safe to run in every web pod: they share the work
 * through row locks, and every step is idempotent.
 */
export async function startBackgroundWork(): Promise<BackgroundWork> {
  const consumers = [...(realtimeSink() ? [realtimeConsumer] : []), notificationsConsumer, webhooksConsumer];
  const dispatcher = new Dispatcher(consumers, settings().DISPATCH_POLL_MS);
  const stopListening = await listenForEvents((projectId) => dispatcher.wake(projectId));
  dispatcher.start();
  const loops = [startEmailWorker(), startWebhookWorker(), startDueSoonScheduler()];
  return {
    dispatcher,
    async stop() {
      await stopListening();
      await dispatcher.stop();
      await Promise.all(loops.map((l) => l.stop()));
    },
  };
}
