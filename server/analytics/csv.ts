import type { ProjectAnalytics, WorkspaceAnalytics, csvTables, workspaceCsvTables } from "./schemas";

type Cell = string | number | null;

/** RFC 4180 quoting; text that a spreadsheet would run as a formula is prefixed with '. */
function cell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], body: Cell[][]): string {
  return [header, ...body].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

type Assignee = ProjectAnalytics["counts"]["byAssignee"][number];
const assigneeRows = (list: Assignee[]): Cell[][] =>
  list.map((a) => [a.user?.id ?? null, a.user?.name ?? "(unassigned)", a.count, a.estimate]);
const record = (o: Record<string, number>): Cell[][] => Object.entries(o);

export function projectCsv(a: ProjectAnalytics, table: (typeof csvTables)[number]): string {
  switch (table) {
    case "summary":
      return toCsv(
        ["metric", "value"],
        [
          ["from", a.range.from],
          ["to", a.range.to],
          ["timezone", a.range.timezone],
          ["overdue", a.overdue],
          ["dueThisWeek", a.dueThisWeek],
          ["unassigned", a.unassigned],
          ["blocked", a.blocked],
          ["completedCount", a.completedCount],
          ["cycleTimeHours.p50", a.cycleTimeHours.p50],
          ["cycleTimeHours.p85", a.cycleTimeHours.p85],
          ["cycleTimeHours.p95", a.cycleTimeHours.p95],
          ["leadTimeHours.p50", a.leadTimeHours.p50],
          ["leadTimeHours.p85", a.leadTimeHours.p85],
          ["leadTimeHours.p95", a.leadTimeHours.p95],
        ],
      );
    case "status":
      return toCsv(
        ["statusId", "status", "category", "openTasks"],
        a.counts.byStatus.map((s) => [s.statusId, s.name, s.category, s.count]),
      );
    case "category":
      return toCsv(["category", "openTasks"], record(a.counts.byCategory));
    case "priority":
      return toCsv(["priority", "openTasks"], record(a.counts.byPriority));
    case "assignee":
      return toCsv(["userId", "name", "openTasks", "openEstimate"], assigneeRows(a.counts.byAssignee));
    case "throughput":
      return toCsv(
        ["weekStart", "created", "completed"],
        a.throughput.map((w) => [w.weekStart, w.created, w.completed]),
      );
    case "cumulative-flow": {
      const names = new Map(a.counts.byStatus.map((s) => [s.statusId, s.name]));
      const ids = [...new Set([...names.keys(), ...a.cumulativeFlow.flatMap((d) => Object.keys(d.counts))])];
      return toCsv(
        ["date", ...ids.map((id) => names.get(id) ?? id)],
        a.cumulativeFlow.map((d) => [d.date, ...ids.map((id) => d.counts[id] ?? 0)]),
      );
    }
    case "completions":
    case "slowest":
      return toCsv(
        ["taskId", "key", "title", "completedAt", "cycleTimeHours", "leadTimeHours"],
        a[table].map((t) => [t.id, t.key, t.title, t.completedAt, t.cycleTimeHours, t.leadTimeHours]),
      );
  }
}

export function workspaceCsv(a: WorkspaceAnalytics, table: (typeof workspaceCsvTables)[number]): string {
  switch (table) {
    case "projects":
      return toCsv(
        [
          "projectId",
          "key",
          "name",
          "open",
          "overdue",
          "dueThisWeek",
          "unassigned",
          "blocked",
          "created",
          "completed",
          "cycleTimeP50Hours",
        ],
        a.projects.map((p) => [
          p.id,
          p.key,
          p.name,
          p.open,
          p.overdue,
          p.dueThisWeek,
          p.unassigned,
          p.blocked,
          p.created,
          p.completed,
          p.cycleTimeP50,
        ]),
      );
    case "category":
      return toCsv(["category", "openTasks"], record(a.counts.byCategory));
    case "priority":
      return toCsv(["priority", "openTasks"], record(a.counts.byPriority));
    case "assignee":
      return toCsv(["userId", "name", "openTasks", "openEstimate"], assigneeRows(a.counts.byAssignee));
    case "throughput":
      return toCsv(
        ["weekStart", "created", "completed"],
        a.throughput.map((w) => [w.weekStart, w.created, w.completed]),
      );
  }
}
