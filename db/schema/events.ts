import { bigint, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { ts } from "./columns";
import { projects } from "./projects";
import { workspaces } from "./workspaces";

// The transactional outbox: written in the same transaction as the change it describes.
// Within a project, ids rise in commit order: the insert and the project's row lock (event_seq)
// are one statement, the writer's last before commit (server/events/record.ts).
export const events = pgTable(
  "events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    actorId: uuid("actor_id"),
    data: jsonb("data").notNull().$type<Record<string, unknown>>(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("events_project_idx").on(t.projectId, t.id)],
);
