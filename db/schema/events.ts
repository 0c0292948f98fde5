import { bigint, boolean, check, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { ts } from "./columns";
import { projects } from "./projects";
import { workspaces } from "./workspaces";

// The transactional outbox: written in the same transaction as the change it describes, with no lock on
// the project (so one project's writes run side by side). `id` is the insert order, which concurrent
// writers may commit out of; `seq` is the order consumers read, given after commit by the sequencer
// (server/events/sequence.ts) in the order rows became visible: null until then. The public event id is seq.
export const events = pgTable(
  "events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    seq: bigint("seq", { mode: "number" }),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    actorId: uuid("actor_id"),
    data: jsonb("data").notNull().$type<Record<string, unknown>>(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    // The newest insert of a project: its data version (the analytics cache key), visible at commit.
    index("events_project_idx").on(t.projectId, t.id),
    index("events_project_seq_idx").on(t.projectId, t.seq),
    uniqueIndex("events_seq_key").on(t.seq),
    index("events_unsequenced_idx")
      .on(t.id)
      .where(sql`${t.seq} is null`),
  ],
);

/** The sequencer's counter: the last seq given. One row. */
export const eventSequence = pgTable(
  "event_sequence",
  {
    singleton: boolean("singleton").primaryKey().default(true),
    lastSeq: bigint("last_seq", { mode: "number" }).notNull().default(0),
  },
  (t) => [check("event_sequence_singleton", sql`${t.singleton}`)],
);
