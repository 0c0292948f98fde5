import type { Consumer } from "./dispatcher";
import { realtimeSink } from "./sink";

/**
 * Hands each event to the realtime sink, in order. A sink failure (Redis down) rolls the batch back
 * and the dispatcher retries it later; anything already handed over is dropped by the gateway, which
 * forwards an id only once per client.
 */
export const realtimeConsumer: Consumer = {
  name: "realtime",
  async handle(_tx, events, { previousId }) {
    const sink = realtimeSink();
    if (!sink) throw new Error("no realtime sink is running");
    let prevId = previousId;
    for (const e of events) {
      await sink.publishEvent({ id: e.id, type: e.type, projectId: e.projectId, actorId: e.actorId, at: e.at, data: e.data, prevId });
      prevId = e.id;
    }
  },
};
