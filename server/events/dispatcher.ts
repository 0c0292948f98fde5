import { database, type Database } from "@/db/client";
import { logger } from "@/config/log";
import { advanceCursor, backOffCursor, claimCursor, ensureCursors, readEvents } from "./cursors";
import { sequenceAll } from "./sequence";
import type { OutboxEvent } from "./types";

export type AfterCommit = (effect: () => Promise<void> | void) => void;
/** previousId: the project's event delivered just before this batch (0 for none). */
export type BatchContext = { afterCommit: AfterCommit; previousId: number };

/**
 * An outbox consumer. handle() runs inside the transaction that holds the project's cursor, so its
 * database writes commit together with the cursor advance; effects outside the database that must
 * not run for a rolled-back batch go through afterCommit. Consumers must be idempotent by event id.
 */
export type Consumer = {
  name: string;
  handle(tx: Database, events: OutboxEvent[], batch: BatchContext): Promise<void>;
};

const BATCH = 100;
const FULL_DISCOVERY_MS = 30_000;

/** Delivers the outbox to consumers: at least once, in order per project, one dispatcher per project at a time. */
export class Dispatcher {
  private stopped = false;
  private sleepers = new Set<() => void>();
  private loops: Promise<void>[] = [];
  private discovering: Promise<void> = Promise.resolve();
  private discoveryTimer: NodeJS.Timeout | undefined;
  private wakeups = 0;
  private sequenceQueued = false;
  private readonly known = new Set<string>();

  constructor(
    private readonly consumers: Consumer[],
    private readonly pollMs: number,
  ) {}

  start(): void {
    this.wake("");
    this.discoveryTimer = setInterval(() => this.wake(""), FULL_DISCOVERY_MS);
    this.discoveryTimer.unref();
    this.loops = this.consumers.map((c) => this.loop(c));
  }

  /** A transaction recorded events for projectId ("" = unknown: look at every project). */
  wake(projectId: string): void {
    if (projectId === "" || !this.known.has(projectId)) {
      const names = this.consumers.map((c) => c.name);
      this.enqueue("outbox discovery failed", async () => {
        await ensureCursors(await database(), names, projectId || undefined);
        if (projectId) this.known.add(projectId);
      });
    }
    this.sequence();
  }

  /**
   * Numbers the outbox rows committed since the last time (readers see rows only once numbered), then
   * lets the loops look. Asked for by every wake-up and every idle poll; requests that come while one
   * is queued share it, those that come while one runs get another (it may have missed their rows).
   */
  private sequence(): void {
    if (this.sequenceQueued) return;
    this.sequenceQueued = true;
    this.enqueue("outbox sequencing failed", async () => {
      this.sequenceQueued = false;
      await sequenceAll(await database());
    });
  }

  /** Runs a step after those queued before it (discovery, sequencing), then wakes the loops. */
  private enqueue(failure: string, step: () => Promise<void>): void {
    this.discovering = this.discovering
      .then(step)
      .catch((err: unknown) => logger().warn({ err: (err as Error).message }, failure))
      .finally(() => {
        this.wakeups++;
        for (const wakeUp of this.sleepers) wakeUp();
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.discoveryTimer) clearInterval(this.discoveryTimer);
    for (const wakeUp of this.sleepers) wakeUp();
    await Promise.all(this.loops);
    await this.discovering;
  }

  private async loop(consumer: Consumer): Promise<void> {
    while (!this.stopped) {
      await this.discovering;
      const seen = this.wakeups;
      let worked = false;
      try {
        worked = await this.dispatchOne(consumer);
      } catch (err) {
        logger().error({ err, consumer: consumer.name }, "outbox dispatch failed");
      }
      // A wake-up that came while we were busy means new work: look again at once. An idle poll also
      // numbers rows whose notification was lost (the LISTEN connection was down when they committed).
      if (!worked && !this.stopped && seen === this.wakeups) {
        await this.sleep(this.pollMs);
        if (!this.stopped && seen === this.wakeups) this.sequence();
      }
    }
  }

  /** Claims one project with pending events, hands its next batch to the consumer, advances the cursor. */
  private async dispatchOne(consumer: Consumer): Promise<boolean> {
    const db = await database();
    const effects: (() => Promise<void> | void)[] = [];
    let claimed: string | undefined;
    try {
      const worked = await db.transaction(async (t) => {
        const tx = t as unknown as Database;
        const claim = await claimCursor(tx, consumer.name);
        if (!claim) return false;
        claimed = claim.projectId;
        const { events: batch, lastId } = await readEvents(tx, claim.projectId, claim.lastEventId, BATCH);
        if (lastId === claim.lastEventId) return false;
        if (batch.length > 0)
          await consumer.handle(tx, batch, { afterCommit: (effect) => effects.push(effect), previousId: claim.lastEventId });
        await advanceCursor(tx, consumer.name, claim.projectId, lastId);
        return true;
      });
      for (const effect of effects) {
        await Promise.resolve()
          .then(effect)
          .catch((err: unknown) => logger().warn({ err: (err as Error).message, consumer: consumer.name }, "after-commit effect failed"));
      }
      return worked;
    } catch (err) {
      if (!claimed) throw err;
      const message = err instanceof Error ? err.message : String(err);
      logger().warn({ consumer: consumer.name, projectId: claimed, err: message }, "outbox delivery failed; will retry");
      await backOffCursor(db, consumer.name, claimed, message);
      return true;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }
}
