import { and, isNull, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { cycles, labels, statuses, tasks, users } from "@/db/schema";
import { splitList, unescapeCell, type CsvRecord } from "./csv-format";
import type { CreateTaskInput } from "./schemas";
import { priorities, type Priority } from "./schemas";

export type RowError = { row: number; path: string; message: string };

/** Names → ids for one project: statuses and labels by name, people by email, tasks by number. */
export type Lookups = {
  statuses: Map<string, string>;
  labels: Map<string, string>;
  users: Map<string, string>;
  projectKey: string;
  tasksByNumber: Map<number, string>;
  /** Cycles not completed yet, by name (a completed cycle takes no tasks). */
  cycles: Map<string, string>;
};

export async function loadLookups(db: Database, project: { id: string; key: string }, records: CsvRecord[]): Promise<Lookups> {
  const emails = [...new Set(records.flatMap((r) => splitList(r.assignees).map((e) => e.toLowerCase())))];
  const numbers = [...new Set(records.map((r) => parentNumber(r.parent, project.key)).filter((n): n is number => n !== null))];
  const [s, l, u, t, c] = await Promise.all([
    db.select({ id: statuses.id, name: statuses.name }).from(statuses).where(eq(statuses.projectId, project.id)),
    db.select({ id: labels.id, name: labels.name }).from(labels).where(eq(labels.projectId, project.id)),
    emails.length
      ? db
          .select({ id: users.id, email: users.email })
          .from(users)
          .where(inArray(sql`lower(${users.email})`, emails))
      : Promise.resolve([]),
    numbers.length
      ? db
          .select({ id: tasks.id, number: tasks.number })
          .from(tasks)
          .where(and(eq(tasks.projectId, project.id), isNull(tasks.deletedAt), inArray(tasks.number, numbers)))
      : Promise.resolve([]),
    db
      .select({ id: cycles.id, name: cycles.name })
      .from(cycles)
      .where(and(eq(cycles.projectId, project.id), isNull(cycles.completedAt))),
  ]);
  return {
    statuses: new Map(s.map((x) => [x.name.toLowerCase(), x.id])),
    labels: new Map(l.map((x) => [x.name.toLowerCase(), x.id])),
    users: new Map(u.map((x) => [x.email.toLowerCase(), x.id])),
    projectKey: project.key,
    tasksByNumber: new Map(t.map((x) => [x.number, x.id])),
    cycles: new Map(c.map((x) => [x.name.toLowerCase(), x.id])),
  };
}

function parentNumber(ref: string | undefined, key: string): number | null {
  const m = /^([A-Za-z][A-Za-z0-9]*)-(\d{1,9})$/.exec((ref ?? "").trim());
  return m && m[1]!.toUpperCase() === key ? Number(m[2]) : null;
}

/**
 * One CSV record → the create input, or the row's errors. `parent` names a row of the file by
 * its key (once that row is created) or else an existing task of the project.
 */
export function toCreateInput(
  r: CsvRecord,
  row: number,
  lk: Lookups,
  file: { keys: Set<string>; created: Map<string, string> },
): { input?: CreateTaskInput; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (path: string, message: string) => errors.push({ row, path, message });
  const cell = (c: keyof CsvRecord) => unescapeCell(r[c] ?? "").trim();
  const input: CreateTaskInput = { title: unescapeCell(r.title ?? "").trim(), description: unescapeCell(r.description ?? "") };
  if (!input.title) fail("title", "must not be empty");
  if (cell("status")) {
    const id = lk.statuses.get(cell("status").toLowerCase());
    if (id) input.statusId = id;
    else fail("status", `no status named "${cell("status")}" in this project`);
  }
  if (cell("priority")) {
    const p = cell("priority").toLowerCase() as Priority;
    if (priorities.includes(p)) input.priority = p;
    else fail("priority", `must be one of ${priorities.join(", ")}`);
  }
  const people = splitList(r.assignees).map((e) => [e, lk.users.get(e.toLowerCase())] as const);
  for (const [email] of people.filter(([, id]) => !id)) fail("assignees", `no user with the email ${email}`);
  if (people.length) input.assigneeIds = people.flatMap(([, id]) => (id ? [id] : []));
  const tags = splitList(r.labels).map((n) => [n, lk.labels.get(n.toLowerCase())] as const);
  for (const [name] of tags.filter(([, id]) => !id)) fail("labels", `no label named "${name}" in this project`);
  if (tags.length) input.labelIds = tags.flatMap(([, id]) => (id ? [id] : []));
  if (cell("dueDate")) input.dueDate = cell("dueDate");
  if (cell("startDate")) input.startDate = cell("startDate");
  if (cell("estimate")) {
    const n = Number(cell("estimate"));
    if (Number.isFinite(n)) input.estimate = n;
    else fail("estimate", "must be a number");
  }
  if (cell("parent")) {
    const ref = cell("parent").toUpperCase();
    const number = parentNumber(ref, lk.projectKey);
    const id = file.keys.has(ref) ? file.created.get(ref) : number !== null ? lk.tasksByNumber.get(number) : undefined;
    if (id) input.parentId = id;
    else fail("parent", `no task ${cell("parent")} in this file (above) or in this project`);
  }
  if (cell("cycle")) {
    const id = lk.cycles.get(cell("cycle").toLowerCase());
    if (id) input.cycleId = id;
    else fail("cycle", `no open cycle named "${cell("cycle")}" in this project`);
  }
  return errors.length ? { errors } : { input, errors };
}

/** Errors of the create verb, named by CSV column. */
export function columnOf(path: string): string {
  const head = path.split(".")[0] ?? "";
  return (
    ({ statusId: "status", assigneeIds: "assignees", labelIds: "labels", parentId: "parent", cycleId: "cycle" } as Record<string, string>)[
      head
    ] ?? head
  );
}
