import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

type Metrics = { registry: Registry; requests: Counter<"method" | "route" | "status">; duration: Histogram<"method" | "route"> };
const globalForMetrics = globalThis as unknown as { __tasklaneMetrics?: Metrics };

export function metrics(): Metrics {
  if (!globalForMetrics.__tasklaneMetrics) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
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
    };
  }
  return globalForMetrics.__tasklaneMetrics;
}
