import { eq, max, sql } from "drizzle-orm";
import { generateNKeysBetween } from "fractional-indexing";
import { database } from "@/db/client";
import { labels, projects, taskAssignees, taskLabels, tasks } from "@/db/schema";
import { priorityRank, type Priority } from "@/server/tasks/schemas";

// Many tasks at once for search and list tests: straight into the tables (numbers taken from the
// project's counter as the real create does), far faster than one POST per task.

export type SeedTask = {
  title: string;
  description?: string;
  commentsText?: string;
  statusId: string;
  priority?: Priority;
  dueDate?: string | null;
  parentId?: string | null;
  assigneeIds?: string[];
  labelIds?: string[];
  createdAt?: Date;
  updatedAt?: Date;
};

export async function seedTasks(projectId: string, rows: SeedTask[]): Promise<{ id: string; number: number }[]> {
  const db = await database();
  return db.transaction(async (tx) => {
    const [counter] = await tx
      .update(projects)
      .set({ nextTaskNumber: sql`${projects.nextTaskNumber} + ${rows.length}` })
      .where(eq(projects.id, projectId))
      .returning({ first: sql<number>`${projects.nextTaskNumber} - ${rows.length}` });
    const [last] = await tx
      .select({ p: max(tasks.position) })
      .from(tasks)
      .where(eq(tasks.projectId, projectId));
    const positions = generateNKeysBetween(last?.p ?? null, null, rows.length);
    const first = Number(counter!.first);
    const inserted = await tx
      .insert(tasks)
      .values(
        rows.map((r, i) => ({
          projectId,
          number: first + i,
          title: r.title,
          description: r.description ?? "",
          commentsText: r.commentsText ?? "",
          statusId: r.statusId,
          priority: priorityRank[r.priority ?? "none"],
          dueDate: r.dueDate ?? null,
          parentId: r.parentId ?? null,
          position: positions[i]!,
          ...(r.createdAt ? { createdAt: r.createdAt } : {}),
          ...((r.updatedAt ?? r.createdAt) ? { updatedAt: r.updatedAt ?? r.createdAt } : {}),
        })),
      )
      .returning({ id: tasks.id, number: tasks.number });
    const byNumber = new Map(inserted.map((t) => [t.number, t.id]));
    const assignees = rows.flatMap((r, i) => (r.assigneeIds ?? []).map((userId) => ({ taskId: byNumber.get(first + i)!, userId })));
    const taskLabelRows = rows.flatMap((r, i) => (r.labelIds ?? []).map((labelId) => ({ taskId: byNumber.get(first + i)!, labelId })));
    if (assignees.length) await tx.insert(taskAssignees).values(assignees);
    if (taskLabelRows.length) await tx.insert(taskLabels).values(taskLabelRows);
    return rows.map((_, i) => ({ id: byNumber.get(first + i)!, number: first + i }));
  });
}

export async function seedLabel(projectId: string, name: string): Promise<string> {
  const db = await database();
  const [row] = await db.insert(labels).values({ projectId, name }).returning({ id: labels.id });
  return row!.id;
}

/** Every page of a list, following nextCursor. */
export async function allPages(fetchPage: (cursor: string | null) => Promise<{ status: number; body: any }>): Promise<any[]> {
  const out: any[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 1000; i++) {
    const res = await fetchPage(cursor);
    if (res.status !== 200) throw new Error(`page answered ${res.status}: ${JSON.stringify(res.body)}`);
    out.push(...res.body.data);
    cursor = res.body.nextCursor;
    if (!cursor) return out;
  }
  throw new Error("too many pages");
}
