import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { labels, projects, taskAssignees, taskLabels, tasks, users } from "@/db/schema";
import { recordEvent } from "../events/record";
import { recordActivity } from "../tasks/audit";
import { loadTasks } from "../tasks/load";
import { projectVisibleUsers } from "../tasks/people";
import { endOfColumn } from "../tasks/position";
import type { Task } from "../tasks/schemas";
import { defaultStatus } from "../tasks/validate";
import type { SeriesRow } from "./internal";
import { addDays } from "./rule";

/**
 * Creates occurrence `next` of a locked series from its template: the project's default status, dates
 * moved to the occurrence, a `task.created` event. Exactly-once: callers hold the series row lock and
 * the insert is conditional on the unique (series_id, occurrence_index), so a second worker, a
 * replayed event or a reopened-and-completed task add nothing. Returns null when nothing was created.
 */
export async function createOccurrence(
  tx: Database,
  series: SeriesRow,
  next: { index: number; date: string },
  actorId: string | null,
  now: Date,
): Promise<Task | null> {
  const [taken] = await tx
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.seriesId, series.id), eq(tasks.occurrenceIndex, next.index)))
    .limit(1);
  if (taken) return null;
  const [project] = await tx.select().from(projects).where(eq(projects.id, series.projectId)).limit(1);
  if (!project || project.archivedAt) return null;

  const t = series.template;
  const status = await defaultStatus(tx, project.id);
  const position = await endOfColumn(tx, project.id, status.id);
  // Labels deleted and people who left the project since the template was taken are dropped.
  const labelIds = t.labelIds.length
    ? (
        await tx
          .select({ id: labels.id })
          .from(labels)
          .where(and(eq(labels.projectId, project.id), inArray(labels.id, t.labelIds)))
      ).map((l) => l.id)
    : [];
  const assigneeIds = t.assigneeIds.length
    ? (await projectVisibleUsers(tx, project, inArray(users.id, t.assigneeIds))).map((u) => u.id)
    : [];
  const [numbered] = await tx
    .update(projects)
    .set({ nextTaskNumber: sql`${projects.nextTaskNumber} + 1` })
    .where(eq(projects.id, project.id))
    .returning({ n: sql<number>`${projects.nextTaskNumber} - 1` });
  const closed = status.category === "completed" || status.category === "canceled";
  const [inserted] = await tx
    .insert(tasks)
    .values({
      projectId: project.id,
      number: Number(numbered!.n),
      title: t.title,
      description: t.description,
      statusId: status.id,
      priority: t.priority,
      reporterId: series.createdBy,
      dueDate: t.dueOffset === null ? null : addDays(next.date, t.dueOffset),
      startDate: t.startOffset === null ? null : addDays(next.date, t.startOffset),
      estimate: t.estimate,
      position,
      createdAt: now,
      updatedAt: now,
      completedAt: closed ? now : null,
      seriesId: series.id,
      occurrenceIndex: next.index,
      occurrenceDate: next.date,
    })
    .onConflictDoNothing({ target: [tasks.seriesId, tasks.occurrenceIndex] })
    .returning({ id: tasks.id });
  if (!inserted) return null;
  if (assigneeIds.length) await tx.insert(taskAssignees).values(assigneeIds.map((userId) => ({ taskId: inserted.id, userId })));
  if (labelIds.length) await tx.insert(taskLabels).values(labelIds.map((labelId) => ({ taskId: inserted.id, labelId })));
  await recordActivity(tx, {
    taskId: inserted.id,
    projectId: project.id,
    actorId,
    at: now,
    type: "created",
    changes: [{ field: "status", from: null, to: status.id }],
  });
  const [task] = await loadTasks(tx, [inserted.id]);
  await recordEvent(tx, { type: "task.created", projectId: project.id, actorId, data: task! });
  return task!;
}
