import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { database, isEmbedded, type Database } from "@/db/client";
import { ensureCursors } from "@/server/events/cursors";
import { recordEvent } from "@/server/events/record";
import { enableOutboxMetrics, metrics } from "@/server/metrics";
import { createTestProject } from "../helpers/projects";

function sample(text: string, name: string, labels: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${name}{${labels}}`));
  return line === undefined ? undefined : Number(line.split(" ").pop());
}

describe("metrics on a real database", () => {
  it("report a consumer's outbox backlog and the age of its oldest undelivered event", async () => {
    const { project } = await createTestProject();
    const consumer = `metrics-${randomBytes(4).toString("hex")}`;
    const db = await database();
    await ensureCursors(db, [consumer], project.id);
    for (const n of [1, 2, 3]) {
      await db.transaction(async (tx) => {
        await recordEvent(tx as unknown as Database, {
          type: "task.deleted",
          projectId: project.id,
          actorId: null,
          data: { id: randomUUID(), key: `T-${n}` },
        });
      });
    }
    await new Promise((r) => setTimeout(r, 1100));

    const before = await metrics().registry.metrics();
    expect(sample(before, "tasklane_outbox_undelivered_events", `consumer="${consumer}"`)).toBeUndefined();

    enableOutboxMetrics();
    const text = await metrics().registry.metrics();
    expect(sample(text, "tasklane_outbox_undelivered_events", `consumer="${consumer}"`)).toBe(3);
    const oldest = sample(text, "tasklane_outbox_oldest_undelivered_seconds", `consumer="${consumer}"`)!;
    expect(oldest).toBeGreaterThanOrEqual(1);
    expect(oldest).toBeLessThan(120);
  });

  it.skipIf(isEmbedded())("report the database pool's connections", async () => {
    const db = await database();
    await db.execute(sql`select 1`);
    const text = await metrics().registry.metrics();
    expect(sample(text, "tasklane_db_pool_connections", 'pool="primary",state="total"')).toBeGreaterThanOrEqual(1);
    expect(sample(text, "tasklane_db_pool_connections", 'pool="primary",state="waiting"')).toBe(0);
  });
});
