import { and, eq, inArray, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { labels, projects, statuses, taskAssignees, taskLabels, tasks, users } from "@/db/schema";
import { priorityOf, type Task } from "./schemas";
import { loadFieldValues } from "../custom-fields/task-values";

/**
 * Turns task ids into contract-shaped tasks with four queries whatever the count
 * (tasks+status+project, assignees, labels, custom field values), preserving the order of `ids`. Deleted tasks (in the
 * trash) are left out unless `includeDeleted`, and a deleted parent reads as no parent.
 */
export async function loadTasks(db: Database, ids: string[], opts: { includeDeleted?: boolean } = {}): Promise<Task[]> {
  if (ids.length === 0) return [];
  const parent = alias(tasks, "live_parent");
  // Sequential on purpose: inside a transaction all three share one connection.
  const rows = await db
    .select({
      task: tasks,
      projectKey: projects.key,
      status: { id: statuses.id, name: statuses.name, category: statuses.category },
      reporterName: users.name,
      liveParentId: parent.id,
    })
    .from(tasks)
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .innerJoin(statuses, eq(statuses.id, tasks.statusId))
    .leftJoin(users, eq(users.id, tasks.reporterId))
    .leftJoin(parent, and(eq(parent.id, tasks.parentId), isNull(parent.deletedAt)))
    .where(and(inArray(tasks.id, ids), opts.includeDeleted ? undefined : isNull(tasks.deletedAt)));
  const assigneeRows = await db
    .select({ taskId: taskAssignees.taskId, id: users.id, name: users.name })
    .from(taskAssignees)
    .innerJoin(users, eq(users.id, taskAssignees.userId))
    .where(inArray(taskAssignees.taskId, ids))
    .orderBy(users.name);
  const labelRows = await db
    .select({ taskId: taskLabels.taskId, id: labels.id, name: labels.name, color: labels.color })
    .from(taskLabels)
    .innerJoin(labels, eq(labels.id, taskLabels.labelId))
    .where(inArray(taskLabels.taskId, ids))
    .orderBy(labels.name);
  const values = await loadFieldValues(db, ids);
  const assignees = group(assigneeRows, (r) => ({ id: r.id, name: r.name }));
  const labelsOf = group(labelRows, (r) => ({ id: r.id, name: r.name, color: r.color }));
  const byId = new Map(
    rows.map(({ task: t, projectKey, status, reporterName, liveParentId }) => [
      t.id,
      {
        id: t.id,
        key: `${projectKey}-${t.number}`,
        number: t.number,
        projectId: t.projectId,
        title: t.title,
        description: t.description,
        status,
        priority: priorityOf(t.priority),
        assignees: assignees.get(t.id) ?? [],
        labels: labelsOf.get(t.id) ?? [],
        reporter: t.reporterId ? { id: t.reporterId, name: reporterName ?? "" } : null,
        dueDate: t.dueDate,
        startDate: t.startDate,
        estimate: t.estimate,
        parentId: liveParentId,
        position: t.position,
        version: t.version,
        createdAt: t.createdAt.toISOString(),
        updatedAt: t.updatedAt.toISOString(),
        completedAt: t.completedAt?.toISOString() ?? null,
        seriesId: t.seriesId,
        customFields: values.get(t.id) ?? {},
        cycleId: t.cycleId,
      } satisfies Task,
    ]),
  );
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

function group<R extends { taskId: string }, T>(rows: R[], map: (r: R) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(r.taskId, [...(out.get(r.taskId) ?? []), map(r)]);
  return out;
}
