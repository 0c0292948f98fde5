import { eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { activity, projects, tasks, timeEntries, users } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId } from "../transaction";
import { ForbiddenError, NotFoundError } from "../errors";
import { getProjectForActorOrThrow, type ProjectAccess } from "../projects/internal";
import type { TimeEntry } from "./schemas";

export type TimeEntryRow = typeof timeEntries.$inferSelect;

/** Entry rows as the API answers them, with their task's key and their author's name (two lookups for any number of rows). */
export async function toTimeEntries(db: Database, rows: TimeEntryRow[]): Promise<TimeEntry[]> {
  if (rows.length === 0) return [];
  const userIds = [...new Set(rows.map((r) => r.userId))];
  const taskIds = [...new Set(rows.map((r) => r.taskId))];
  const [people, taskRows] = await Promise.all([
    db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds)),
    db
      .select({ id: tasks.id, number: tasks.number, title: tasks.title, projectKey: projects.key })
      .from(tasks)
      .innerJoin(projects, eq(projects.id, tasks.projectId))
      .where(inArray(tasks.id, taskIds)),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const byTask = new Map(taskRows.map((t) => [t.id, t]));
  return rows.map((r) => {
    const t = byTask.get(r.taskId);
    return {
      id: r.id,
      taskId: r.taskId,
      projectId: r.projectId,
      task: { id: r.taskId, key: t ? `${t.projectKey}-${t.number}` : "", title: t?.title ?? "" },
      user: { id: r.userId, name: names.get(r.userId) ?? "" },
      date: r.spentOn,
      durationSeconds: r.seconds,
      running: r.seconds === null,
      startedAt: r.startedAt?.toISOString() ?? null,
      endedAt: r.endedAt?.toISOString() ?? null,
      note: r.note,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}

export async function toTimeEntry(db: Database, row: TimeEntryRow): Promise<TimeEntry> {
  return (await toTimeEntries(db, [row]))[0]!;
}

/**
 * The entry for a change, locked: 404 when its project (or its task, in the trash) is invisible,
 * 403 unless the caller wrote it or is a project admin (viewers change nothing), 409 when archived.
 */
export async function getEntryForChangeOrThrow(args: {
  db: Database;
  ctx: ServiceContext;
  entryId: string;
}): Promise<{ entry: TimeEntryRow; access: ProjectAccess }> {
  const userId = requireUserId(args.ctx);
  const [row] = await args.db
    .select({ entry: timeEntries, deletedAt: tasks.deletedAt })
    .from(timeEntries)
    .innerJoin(tasks, eq(tasks.id, timeEntries.taskId))
    .where(eq(timeEntries.id, args.entryId))
    .for("update", { of: timeEntries });
  if (!row || row.deletedAt) throw new NotFoundError("Time entry");
  let access: ProjectAccess;
  try {
    access = await getProjectForActorOrThrow({ db: args.db, ctx: args.ctx, projectId: row.entry.projectId, action: "project.write" });
  } catch (error) {
    if (error instanceof NotFoundError) throw new NotFoundError("Time entry");
    throw error;
  }
  if (row.entry.userId !== userId && access.role !== "admin")
    throw new ForbiddenError("Only the entry's author or a project admin may change it");
  return { entry: row.entry, access };
}

/** The task's activity line for time spent: `timeSpent` from the old seconds to the new (null when none). */
export async function recordTimeActivity(
  tx: Database,
  a: {
    entry: TimeEntryRow;
    actorId: string;
    at: Date;
    type: "time_logged" | "time_changed" | "time_removed";
    from: number | null;
    to: number | null;
  },
): Promise<void> {
  await tx.insert(activity).values({
    taskId: a.entry.taskId,
    projectId: a.entry.projectId,
    actorId: a.actorId,
    type: a.type,
    field: "timeSpent",
    fromValue: a.from,
    toValue: a.to,
    createdAt: a.at,
  });
}

/** Whole seconds a timer ran until `now` (never negative, should the clock have stepped back). */
export function secondsBetween(startedAt: Date, now: Date): number {
  return Math.max(0, Math.round((now.getTime() - startedAt.getTime()) / 1000));
}
