import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { and, asc, eq, isNull } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { database, isEmbedded, type Database } from "@/db/client";
import * as schema from "@/db/schema";
import { events } from "@/db/schema";
import { recordEvent } from "@/server/events/record";
import { sequenceAll, sequenceEvents } from "@/server/events/sequence";
import { createTestProject } from "../helpers/projects";
import { openOutboxWrite } from "../helpers/tasks";

// The sequencer gives committed outbox rows their public id (seq): once each, in the order they became visible.

describe("event sequencer", () => {
  it("numbers rows once, in insert order when they are all committed, and leaves none behind", async () => {
    const { project } = await createTestProject();
    const db = await database();
    for (let i = 0; i < 30; i++)
      await recordEvent(db, { type: "task.deleted", projectId: project.id, actorId: null, data: { id: randomUUID(), key: `S-${i}` } });
    await sequenceAll(db);
    const rows = await db
      .select({ id: events.id, seq: events.seq })
      .from(events)
      .where(eq(events.projectId, project.id))
      .orderBy(asc(events.id));
    expect(rows).toHaveLength(30);
    const seqs = rows.map((r) => r.seq!);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(30);
    expect(
      await db
        .select()
        .from(events)
        .where(and(eq(events.projectId, project.id), isNull(events.seq))),
    ).toEqual([]);
    // A second pass finds nothing to do.
    expect((await sequenceEvents(db)).projects).not.toContain(project.id);
  });

  it.skipIf(isEmbedded())("four sequencers at once (other processes) never give a seq twice or skip a row", async () => {
    const { project } = await createTestProject();
    const db = await database();
    for (let i = 0; i < 1200; i += 100)
      await db.insert(events).values(
        Array.from({ length: 100 }, (_, k) => ({
          workspaceId: project.workspaceId,
          projectId: project.id,
          type: "task.deleted",
          actorId: null,
          data: { id: randomUUID(), key: `S-${i + k}` },
        })),
      );
    const pools = Array.from({ length: 4 }, () => new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 }));
    try {
      await Promise.all(pools.map((p) => sequenceAll(drizzle(p, { schema }) as unknown as Database)));
      // A sequencer that lost the lock did nothing; whoever held it numbered everything (in batches of 500).
      await sequenceAll(db);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
    const rows = await db
      .select({ id: events.id, seq: events.seq })
      .from(events)
      .where(eq(events.projectId, project.id))
      .orderBy(asc(events.id));
    const seqs = rows.map((r) => r.seq);
    expect(seqs.every((s) => s !== null)).toBe(true);
    expect(new Set(seqs).size).toBe(1200);
    expect(seqs).toEqual([...seqs].sort((a, b) => a! - b!));
  });

  it.skipIf(isEmbedded())("a row committed after later ones gets a later seq, so no reader past them misses it", async () => {
    const { project } = await createTestProject();
    const db = await database();
    const slow = await openOutboxWrite(project.id, { actorId: null, data: { id: randomUUID(), key: "SLOW-1" } });
    await recordEvent(db, { type: "task.deleted", projectId: project.id, actorId: null, data: { id: randomUUID(), key: "FAST-1" } });
    await sequenceAll(db);
    await slow.commit();
    await sequenceAll(db);
    const rows = await db
      .select({ id: events.id, seq: events.seq, data: events.data })
      .from(events)
      .where(eq(events.projectId, project.id))
      .orderBy(asc(events.seq));
    expect(rows.map((r) => (r.data as { key: string }).key)).toEqual(["FAST-1", "SLOW-1"]);
    expect(rows[0]!.id).toBeGreaterThan(rows[1]!.id);
  });
});
