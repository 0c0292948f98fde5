import { and, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { activity, statuses, tasks } from "@/db/schema";
import { recordEvent } from "../events/record";
import { loadTasks } from "../tasks/load";

/**
 * Moves a cycle's tasks to another cycle (or none): each gets version+1, an activity row (`type`
 * "carried_over" when a finished cycle hands on its unfinished work, else "updated") and a
 * task.updated event, in the caller's transaction. With onlyOpen, finished tasks (completed or
 * canceled) stay where they are. Returns how many moved.
 */
export async function moveCycleTasks(
  tx: Database,
  m: {
    projectId: string;
    from: string;
    to: string | null;
    onlyOpen: boolean;
    actorId: string | null;
    at: Date;
    type: "updated" | "carried_over";
  },
): Promise<number> {
  const closed = tx
    .select({ id: statuses.id })
    .from(statuses)
    .where(and(eq(statuses.projectId, m.projectId), inArray(statuses.category, ["completed", "canceled"])));
  const moved = await tx
    .update(tasks)
    .set({ cycleId: m.to, version: sql`${tasks.version} + 1`, updatedAt: m.at })
    .where(
      and(
        eq(tasks.projectId, m.projectId),
        eq(tasks.cycleId, m.from),
        isNull(tasks.deletedAt),
        m.onlyOpen ? notInArray(tasks.statusId, closed) : undefined,
      ),
    )
    .returning({ id: tasks.id });
  const ids = moved.map((t) => t.id);
  if (ids.length === 0) return 0;
  await tx.insert(activity).values(
    ids.map((taskId) => ({
      taskId,
      projectId: m.projectId,
      actorId: m.actorId,
      type: m.type,
      field: "cycle",
      fromValue: m.from,
      toValue: m.to,
      createdAt: m.at,
    })),
  );
  for (const task of await loadTasks(tx, ids)) {
    await recordEvent(tx, {
      type: "task.updated",
      projectId: m.projectId,
      actorId: m.actorId,
      data: { task, changes: [{ field: "cycle", from: m.from, to: m.to }] },
    });
  }
  return ids.length;
}
