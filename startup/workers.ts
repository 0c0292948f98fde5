import { settings } from "@/config/settings";
import { startEmailWorker } from "@/server/email/jobs";
import { Dispatcher } from "@/server/events/dispatcher";
import { listenForEvents } from "@/server/events/listen";
import { realtimeConsumer } from "@/server/events/realtime-consumer";
import { realtimeSink } from "@/server/events/sink";
import { notificationsConsumer } from "@/server/notifications/consumer";
import { startDueSoonScheduler } from "@/server/notifications/due-soon";
import { enableOutboxMetrics } from "@/server/metrics";
import { webhooksConsumer } from "@/server/webhooks/consumer";
import { startWebhookWorker } from "@/server/webhooks/worker";
import { startTrashPurger } from "@/server/tasks";
import { recurrenceConsumer, startRecurrenceScheduler } from "@/server/recurrence";
import { startCycleScheduler } from "@/server/cycles";

export type BackgroundWork = { dispatcher: Dispatcher; stop(): Promise<void> };

/**
 * The outbox dispatcher (realtime when a sink is set, notifications, webhooks), the email and
 * webhook senders and the due-soon reminders. Safe to run in every web pod: they share the work
 * through row locks, and every step is idempotent. Wired here so that server/jobs stays the
 * generic loop and each area keeps its own job.
 */
export async function startBackgroundWork(): Promise<BackgroundWork> {
  const consumers = [...(realtimeSink() ? [realtimeConsumer] : []), notificationsConsumer, webhooksConsumer, recurrenceConsumer];
  const dispatcher = new Dispatcher(consumers, settings().DISPATCH_POLL_MS);
  const stopListening = await listenForEvents((projectId) => dispatcher.wake(projectId));
  dispatcher.start();
  enableOutboxMetrics();
  const loops = [
    startEmailWorker(),
    startWebhookWorker(),
    startDueSoonScheduler(),
    startTrashPurger(),
    startRecurrenceScheduler(),
    startCycleScheduler(),
  ];
  return {
    dispatcher,
    async stop() {
      await stopListening();
      await dispatcher.stop();
      await Promise.all(loops.map((l) => l.stop()));
    },
  };
}
