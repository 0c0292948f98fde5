import { sql } from "drizzle-orm";

/**
 * A project's data version: the id of its newest outbox row (every recorded change writes one). It moves
 * the moment a change commits (seq is given a moment later), so a cached figure is never served for data
 * older than its key; one backward index step on events_project_idx. For selects from `projects` (named
 * in full: drizzle may leave a column unqualified, which inside the subquery would mean events.id).
 */
export const projectDataVersion = sql<number>`(select coalesce(max(e.id), 0) from events e where e.project_id = "projects"."id")`.mapWith(
  Number,
);
