import { and, isNull, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { cycles, labels, statuses, tasks, users } from "@/db/schema";
import { fieldError, ValidationError } from "../errors";
import type { ProjectRow } from "../projects/internal";
import { projectVisibleUsers } from "./people";

// Checks that the ids a task refers to belong to its project; each failure names the field path.

export type StatusRef = { id: string; category: (typeof statuses.$inferSelect)["category"] };

export async function checkStatus(db: Database, projectId: string, statusId: string): Promise<StatusRef> {
  const [row] = await db
    .select({ id: statuses.id, category: statuses.category })
    .from(statuses)
    .where(and(eq(statuses.id, statusId), eq(statuses.projectId, projectId)));
  if (!row) throw fieldError("statusId", "is not a status of this project");
  return row;
}

/** The status flagged default, else the first in board order. */
export async function defaultStatus(db: Database, projectId: string): Promise<StatusRef> {
  const [row] = await db
    .select({ id: statuses.id, category: statuses.category })
    .from(statuses)
    .where(eq(statuses.projectId, projectId))
    .orderBy(desc(statuses.isDefault), asc(statuses.position), asc(statuses.id))
    .limit(1);
  if (!row) throw fieldError("statusId", "the project has no statuses; create one first");
  return row;
}

export async function checkLabels(db: Database, projectId: string, labelIds: string[]): Promise<void> {
  if (labelIds.length === 0) return;
  const found = await db
    .select({ id: labels.id })
    .from(labels)
    .where(and(eq(labels.projectId, projectId), inArray(labels.id, labelIds)));
  const ok = new Set(found.map((r) => r.id));
  const bad = labelIds.flatMap((id, i) => (ok.has(id) ? [] : [{ path: `labelIds.${i}`, message: "is not a label of this project" }]));
  if (bad.length) throw new ValidationError(bad);
}

export async function checkAssignees(db: Database, project: ProjectRow, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  const visible = await projectVisibleUsers(db, project, inArray(users.id, userIds));
  const ok = new Set(visible.map((u) => u.id));
  const bad = userIds.flatMap((id, i) =>
    ok.has(id) ? [] : [{ path: `assigneeIds.${i}`, message: "is not a user who can see this project" }],
  );
  if (bad.length) throw new ValidationError(bad);
}

/** The parent must be a task of the same project, and the task must not become its own ancestor. */
export async function checkParent(db: Database, projectId: string, taskId: string | null, parentId: string): Promise<void> {
  if (taskId === parentId) throw fieldError("parentId", "a task cannot be its own parent");
  const [parent] = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.id, parentId), eq(tasks.projectId, projectId), isNull(tasks.deletedAt)));
  if (!parent) throw fieldError("parentId", "is not a task of this project");
  if (!taskId) return;
  const result = (await db.execute(sql`
    with recursive ancestors(id) as (
      select ${parentId}::uuid
      union
      select t.parent_id from tasks t join ancestors a on t.id = a.id where t.parent_id is not null
    )
    select 1 as found from ancestors where id = ${taskId}::uuid limit 1`)) as unknown as { rows: unknown[] };
  if (result.rows.length > 0) throw fieldError("parentId", "would make the task its own ancestor");
}

/** A cycle of the same project that is still open (a completed cycle keeps its report as it ended). */
export async function checkCycle(db: Database, projectId: string, cycleId: string): Promise<void> {
  const [cycle] = await db
    .select({ completedAt: cycles.completedAt })
    .from(cycles)
    .where(and(eq(cycles.id, cycleId), eq(cycles.projectId, projectId)));
  if (!cycle) throw fieldError("cycleId", "is not a cycle of this project");
  if (cycle.completedAt) throw fieldError("cycleId", "is a completed cycle; plan the task in an open one");
}

export function checkDates(startDate: string | null, dueDate: string | null): void {
  if (startDate && dueDate && startDate > dueDate) throw fieldError("dueDate", "must be on or after startDate");
}
