import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { taskAssignees, taskLabels, type tasks } from "@/db/schema";
import type { TaskFieldChange } from "../events/catalog";
import type { UpdateTaskInput } from "./schemas";
import type { TaskRow } from "./internal";
import { keyBetweenNeighbours } from "./position";
import { priorityOf, priorityRank } from "./schemas";
import { checkCycle, checkDates, checkStatus, type StatusRef } from "./validate";

export type TaskPlan = {
  set: Partial<typeof tasks.$inferInsert>;
  changes: TaskFieldChange[];
  assigneeIds?: string[];
  labelIds?: string[];
};

const CLOSED = new Set(["completed", "canceled"]);
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Compares the input with the stored task and returns only what really changes: the columns to
 * set, the new assignee/label sets, and one change per field (for activity and the event).
 */
export async function planChanges(tx: Database, current: TaskRow, input: UpdateTaskInput, now: Date): Promise<TaskPlan> {
  const plan: TaskPlan = { set: {}, changes: [] };
  const scalar = <K extends "title" | "description" | "dueDate" | "startDate" | "estimate">(key: K, value: TaskRow[K] | undefined) => {
    if (value === undefined || value === current[key]) return;
    plan.set[key] = value;
    // The correlated pair (field, value type) is beyond the checker here; the catalog test covers it.
    plan.changes.push({ field: key, from: current[key], to: value } as Extract<TaskFieldChange, { field: K }>);
  };
  scalar("title", input.title);
  scalar("description", input.description);
  scalar("dueDate", input.dueDate);
  scalar("startDate", input.startDate);
  scalar("estimate", input.estimate);
  checkDates(
    input.startDate !== undefined ? input.startDate : current.startDate,
    input.dueDate !== undefined ? input.dueDate : current.dueDate,
  );

  if (input.priority !== undefined && priorityRank[input.priority] !== current.priority) {
    plan.set.priority = priorityRank[input.priority];
    plan.changes.push({ field: "priority", from: priorityOf(current.priority), to: input.priority });
  }
  if (input.parentId !== undefined && input.parentId !== current.parentId) {
    plan.set.parentId = input.parentId;
    plan.changes.push({ field: "parent", from: current.parentId, to: input.parentId });
  }
  if (input.cycleId !== undefined && input.cycleId !== current.cycleId) {
    if (input.cycleId) await checkCycle(tx, current.projectId, input.cycleId);
    plan.set.cycleId = input.cycleId;
    plan.changes.push({ field: "cycle", from: current.cycleId, to: input.cycleId });
  }
  if (input.statusId !== undefined && input.statusId !== current.statusId) {
    const [from, to] = await Promise.all([
      checkStatus(tx, current.projectId, current.statusId),
      checkStatus(tx, current.projectId, input.statusId),
    ]);
    plan.set.statusId = to.id;
    plan.set.completedAt = completedAtAfter(from, to, current.completedAt, now);
    plan.changes.push({ field: "status", from: from.id, to: to.id });
  }
  if (input.position !== undefined) {
    const key =
      typeof input.position === "string" ? input.position : await keyBetweenNeighbours(tx, current.projectId, current.id, input.position);
    if (key !== current.position) {
      plan.set.position = key;
      plan.changes.push({ field: "position", from: current.position, to: key });
    }
  }
  if (input.assigneeIds !== undefined) {
    const before = (
      await tx
        .select({ id: taskAssignees.userId })
        .from(taskAssignees)
        .where(eq(taskAssignees.taskId, current.id))
        .orderBy(asc(taskAssignees.userId))
    ).map((r) => r.id);
    if (!sameSet(before, input.assigneeIds)) {
      plan.assigneeIds = input.assigneeIds;
      plan.changes.push({ field: "assignees", from: before, to: [...input.assigneeIds].sort() });
    }
  }
  if (input.labelIds !== undefined) {
    const before = (
      await tx.select({ id: taskLabels.labelId }).from(taskLabels).where(eq(taskLabels.taskId, current.id)).orderBy(asc(taskLabels.labelId))
    ).map((r) => r.id);
    if (!sameSet(before, input.labelIds)) {
      plan.labelIds = input.labelIds;
      plan.changes.push({ field: "labels", from: before, to: [...input.labelIds].sort() });
    }
  }
  return plan;
}

/** Set on entering a closed category (completed or canceled), cleared on leaving both, kept within one. */
function completedAtAfter(from: StatusRef, to: StatusRef, current: Date | null, now: Date): Date | null {
  if (!CLOSED.has(to.category)) return null;
  return from.category === to.category ? (current ?? now) : now;
}
