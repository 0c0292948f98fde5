import { randomUUID } from "node:crypto";
import { recordEvent } from "@/server/events/record";
import { sql } from "drizzle-orm";
import { database } from "@/db/client";
import { activity, taskAssignees, taskDependencies, tasks } from "@/db/schema";

// Writes tasks and their status history straight into the database with explicit timestamps,
// the way the task verbs would have over weeks, so analytics can be checked against a hand count.
export type SeedTask = {
  title?: string;
  /** [status id, ISO time] pairs: the first is the creation, each later one a status change. */
  history: [string, string][];
  priority?: number;
  estimate?: number | null;
  dueDate?: string | null;
  assignees?: string[];
  /** Set when the last status is completed or canceled (the task verbs set it on entering either). */
  closed?: boolean;
};

export async function seedTasks(projectId: string, actorId: string, list: SeedTask[]): Promise<string[]> {
  const db = await database();
  const result = (await db.execute(
    sql`select (coalesce(max(number), 0) + 1)::int as next from tasks where project_id = ${projectId}::uuid`,
  )) as unknown as { rows: { next: number }[] };
  const next = result.rows[0]!.next;
  const ids: string[] = [];
  for (const [i, t] of list.entries()) {
    const first = t.history[0]!;
    const last = t.history[t.history.length - 1]!;
    const [row] = await db
      .insert(tasks)
      .values({
        projectId,
        number: Number(next) + i,
        title: t.title ?? `Task ${i + 1}`,
        statusId: last[0],
        priority: t.priority ?? 0,
        estimate: t.estimate ?? null,
        dueDate: t.dueDate ?? null,
        reporterId: actorId,
        position: `a${String(i).padStart(4, "0")}`,
        createdAt: new Date(first[1]),
        updatedAt: new Date(last[1]),
        completedAt: t.closed ? new Date(last[1]) : null,
      })
      .returning({ id: tasks.id });
    const id = row!.id;
    ids.push(id);
    await db.insert(activity).values(
      t.history.map(([statusId, at], n) => ({
        taskId: id,
        projectId,
        actorId,
        type: n === 0 ? "created" : "updated",
        field: "status",
        fromValue: n === 0 ? null : t.history[n - 1]![0],
        toValue: statusId,
        createdAt: new Date(at),
      })),
    );
    if (t.assignees?.length) await db.insert(taskAssignees).values(t.assignees.map((userId) => ({ taskId: id, userId })));
  }
  return ids;
}

/** `blocked` is blocked by `blocker`. */
export async function seedDependency(blocked: string, blocker: string): Promise<void> {
  const db = await database();
  await db.insert(taskDependencies).values({ taskId: blocked, blockedById: blocker });
}

/** A recorded change of the project (the removal of a field it never had): its data version, the analytics cache key, moves on. */
export async function recordSomeChange(projectId: string): Promise<void> {
  await recordEvent(await database(), {
    type: "custom_field.deleted",
    projectId,
    actorId: null,
    data: { id: randomUUID(), name: "gone" },
  });
}
