import { PRIORITIES, PRIORITY_LABEL, type BoardData, type PriorityName, type Task } from "./types";

// Swimlanes: the board's rows, grouped by a task property (`?lanes=assignee|priority|label`).
// A task with several assignees or labels sits in the lane of the first one by name.

export const LANE_KINDS = ["assignee", "priority", "label"] as const;
export type LaneKind = (typeof LANE_KINDS)[number];
export const LANE_LABEL: Record<LaneKind, string> = { assignee: "Assignee", priority: "Priority", label: "Label" };
export const NONE = "none";

export type Lane = { key: string; name: string };

export function laneKindFrom(value: string | null | undefined): LaneKind | null {
  return LANE_KINDS.find((k) => k === value) ?? null;
}

const firstByName = <T extends { id: string; name: string }>(list: T[]): T | undefined =>
  list.reduce<T | undefined>((best, x) => (!best || x.name.localeCompare(best.name) < 0 ? x : best), undefined);

export function laneKeyOf(task: Task, kind: LaneKind): string {
  if (kind === "priority") return task.priority;
  if (kind === "assignee") return firstByName(task.assignees)?.id ?? NONE;
  return firstByName(task.labels)?.id ?? NONE;
}

/** The lanes to show: priorities all, most urgent first; people and labels that have tasks, by name; "none" last. */
export function lanesOf(kind: LaneKind, data: BoardData, tasks: Task[]): Lane[] {
  if (kind === "priority") return [...PRIORITIES].reverse().map((p) => ({ key: p, name: PRIORITY_LABEL[p] }));
  const used = new Set(tasks.map((t) => laneKeyOf(t, kind)));
  const options = kind === "assignee" ? data.people : data.labels;
  const lanes = options
    .filter((o) => used.has(o.id))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((o) => ({ key: o.id, name: o.name }));
  return [...lanes, { key: NONE, name: kind === "assignee" ? "No assignee" : "No label" }];
}

/** What a task created in a lane starts with. */
export function createFieldsFor(kind: LaneKind | null, lane: string) {
  if (!kind || lane === NONE) return {};
  if (kind === "priority") return { priority: lane as PriorityName };
  return kind === "assignee" ? { assigneeIds: [lane] } : { labelIds: [lane] };
}

/**
 * A task moved from one lane to another takes the new lane's value: the priority, the lane's person as its
 * assignee, or the lane's label in place of the old lane's (its other labels stay). Returns the update fields and the task as it will look.
 */
export function laneChange(task: Task, kind: LaneKind, to: string, data: BoardData) {
  const from = laneKeyOf(task, kind);
  if (from === to) return { input: {}, task };
  if (kind === "priority") {
    const priority = to as PriorityName;
    return { input: { priority }, task: { ...task, priority } };
  }
  if (kind === "assignee") {
    const person = data.people.find((p) => p.id === to);
    const assignees = person ? [{ id: person.id, name: person.name }] : [];
    return { input: { assigneeIds: assignees.map((a) => a.id) }, task: { ...task, assignees } };
  }
  const kept = task.labels.filter((l) => l.id !== from);
  const label = data.labels.find((l) => l.id === to);
  const labels = label ? [...kept, label] : to === NONE ? [] : kept;
  return { input: { labelIds: labels.map((l) => l.id) }, task: { ...task, labels } };
}
