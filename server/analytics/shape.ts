import type { AssigneeRow, OpenCounts } from "./counts";

// Turns aggregate rows into the contract's shapes; no figure is computed here.
const zero: OpenCounts = {
  projectId: null,
  open: 0,
  backlog: 0,
  unstarted: 0,
  started: 0,
  p0: 0,
  p1: 0,
  p2: 0,
  p3: 0,
  p4: 0,
  overdue: 0,
  dueThisWeek: 0,
  unassigned: 0,
  blocked: 0,
};

/** The grouping-sets row of all projects (absent when there are no open tasks). */
export function totalOf(counts: OpenCounts[]): OpenCounts {
  return counts.find((c) => c.projectId === null) ?? zero;
}

export function countsOf(counts: OpenCounts[], projectId: string): OpenCounts {
  return counts.find((c) => c.projectId === projectId) ?? zero;
}

export function categoriesOf(c: OpenCounts) {
  return { backlog: c.backlog, unstarted: c.unstarted, started: c.started, completed: 0, canceled: 0 };
}

export function prioritiesOf(c: OpenCounts) {
  return { none: c.p0, low: c.p1, medium: c.p2, high: c.p3, urgent: c.p4 };
}

export function headlineOf(c: OpenCounts) {
  return { overdue: c.overdue, dueThisWeek: c.dueThisWeek, unassigned: c.unassigned, blocked: c.blocked };
}

export function toAssigneeLoad(r: AssigneeRow) {
  return { user: r.userId ? { id: r.userId, name: r.name ?? "" } : null, count: r.count, estimate: r.estimate };
}
