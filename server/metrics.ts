import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { database, poolStats } from "@/db/client";
import { logger } from "@/config/log";
import { outboxBacklog, type ConsumerBacklog } from "@/server/events/backlog";

type Metrics = {
  registry: Registry;
  requests: Counter<"method" | "route" | "status">;
  duration: Histogram<"method" | "route">;
  realtimeSockets: Gauge;
  emailFailures: Counter<"final">;
  webhookFailures: Counter<"final">;
};
const globalForMetrics = globalThis as unknown as { __tasklaneMetrics?: Metrics; __tasklaneOutboxMetrics?: boolean };

/** The process that runs the dispatcher reports the outbox backlog (one query per scrape); others leave it empty. */
export function enableOutboxMetrics(): void {
  globalForMetrics.__tasklaneOutboxMetrics = true;
}

export function metrics(): Metrics {
  if (!globalForMetrics.__tasklaneMetrics) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    new Gauge({
      name: "tasklane_db_pool_connections",
      help: "Database pool connections by pool (primary, replica) and state (total, idle, waiting clients)",
      labelNames: ["pool", "state"],
      registers: [registry],
      collect() {
        for (const p of poolStats()) {
          this.set({ pool: p.pool, state: "total" }, p.total);
          this.set({ pool: p.pool, state: "idle" }, p.idle);
          this.set({ pool: p.pool, state: "waiting" }, p.waiting);
        }
      },
    });
    // prom-client collects every metric of a scrape at once: both gauges share one query per scrape.
    let backlog: { at: number; rows: Promise<ConsumerBacklog[]> } | undefined;
    const readBacklog = (): Promise<ConsumerBacklog[]> => {
      if (!globalForMetrics.__tasklaneOutboxMetrics) return Promise.resolve([]);
      if (!backlog || Date.now() - backlog.at > 1000) {
        const rows = database()
          .then(outboxBacklog)
          .catch((error: unknown) => {
            logger().warn({ err: (error as Error).message }, "outbox metrics unavailable");
            return [];
          });
        backlog = { at: Date.now(), rows };
      }
      return backlog.rows;
    };
    new Gauge({
      name: "tasklane_outbox_undelivered_events",
      help: "Outbox events not yet delivered, by consumer",
      labelNames: ["consumer"],
      registers: [registry],
      async collect() {
        for (const b of await readBacklog()) this.set({ consumer: b.consumer }, b.undelivered);
      },
    });
    new Gauge({
      name: "tasklane_outbox_oldest_undelivered_seconds",
      help: "Age of the oldest outbox event not yet delivered, by consumer (0 when caught up)",
      labelNames: ["consumer"],
      registers: [registry],
      async collect() {
        for (const b of await readBacklog()) this.set({ consumer: b.consumer }, b.oldestSeconds);
      },
    });
    globalForMetrics.__tasklaneMetrics = {
      registry,
      requests: new Counter({
        name: "http_requests_total",
        help: "HTTP requests",
        labelNames: ["method", "route", "status"],
        registers: [registry],
      }),
      duration: new Histogram({
        name: "http_request_duration_seconds",
        help: "HTTP request duration",
        labelNames: ["method", "route"],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
        registers: [registry],
      }),
      realtimeSockets: new Gauge({
        name: "tasklane_realtime_sockets",
        help: "Socket.IO clients connected to this process",
        registers: [registry],
      }),
      emailFailures: new Counter({
        name: "tasklane_email_failures_total",
        help: "Emails the provider did not accept; final=true when no retry is left",
        labelNames: ["final"],
        registers: [registry],
      }),
      webhookFailures: new Counter({
        name: "tasklane_webhook_failures_total",
        help: "Webhook deliveries that failed; final=true when no retry is left",
        labelNames: ["final"],
        registers: [registry],
      }),
    };
  }
  return globalForMetrics.__tasklaneMetrics;
}
