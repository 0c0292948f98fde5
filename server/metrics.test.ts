import { describe, expect, it } from "vitest";
import { metrics } from "./metrics";

describe("metrics", () => {
  it("exports the failure counters and the socket gauge the dashboards and alarms name", async () => {
    const m = metrics();
    m.emailFailures.inc({ final: "false" });
    m.emailFailures.inc({ final: "true" });
    m.webhookFailures.inc({ final: "false" });
    m.realtimeSockets.set(7);
    const text = await m.registry.metrics();
    expect(text).toContain('tasklane_email_failures_total{final="true"} 1');
    expect(text).toContain('tasklane_email_failures_total{final="false"} 1');
    expect(text).toContain('tasklane_webhook_failures_total{final="false"} 1');
    expect(text).toContain("tasklane_realtime_sockets 7");
    // Declared even where this process has no pool or dispatcher, so a scrape never breaks on them.
    expect(text).toContain("# TYPE tasklane_db_pool_connections gauge");
    expect(text).toContain("# TYPE tasklane_outbox_oldest_undelivered_seconds gauge");
  });
});
