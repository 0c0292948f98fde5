import { logger } from "@/config/log";

export type WorkLoop = { wake(): void; stop(): Promise<void> };

/**
 * Runs tick() until it reports no more work, then sleeps intervalMs or until woken.
 * A tick that throws is logged and retried after the interval.
 */
export function startLoop(name: string, intervalMs: number, tick: () => Promise<boolean>): WorkLoop {
  let stopped = false;
  let wakeups = 0;
  let sleeper: (() => void) | undefined;
  const sleep = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, intervalMs);
      function done() {
        clearTimeout(timer);
        sleeper = undefined;
        resolve();
      }
      sleeper = done;
    });
  const running = (async () => {
    while (!stopped) {
      const seen = wakeups;
      let more = false;
      try {
        more = await tick();
      } catch (err) {
        logger().error({ err, loop: name }, "background job failed");
      }
      if (!more && !stopped && seen === wakeups) await sleep();
    }
  })();
  return {
    wake() {
      wakeups++;
      sleeper?.();
    },
    async stop() {
      stopped = true;
      sleeper?.();
      await running;
    },
  };
}
