import type { Consumer } from "./dispatcher";
import { realtimeSink } from "./sink";
import { toRealtimeEvent } from "./types";

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
      await sink.publishEvent({ ...toRealtimeEvent(e), prevId });
      prevId = e.id;
    }
  },
};
