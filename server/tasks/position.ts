import { generateKeyBetween } from "fractional-indexing";
import { and, isNull, asc, desc, eq, gt, lt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { tasks } from "@/db/schema";
import { fieldError } from "../errors";

// Board order: a fractional index key per task, so a move rewrites one row. Writers of one project
// do not wait for each other, so two may pick a key from the same neighbours at once: a random
// choice among 2^16 keys between them keeps their keys apart (and the column's order valid).

const JITTER_STEPS = 16;

/** A key strictly between low and high, picked at random by halving the gap JITTER_STEPS times. */
export function jitteredKeyBetween(low: string | null, high: string | null): string {
  if (high === null) {
    // At the end: stay between the next two integer keys rather than wander further out.
    low = generateKeyBetween(low, null);
    high = generateKeyBetween(low, null);
  }
  let key = generateKeyBetween(low, high);
  for (let i = 0; i < JITTER_STEPS; i++) {
    if (Math.random() < 0.5) low = key;
    else high = key;
    key = generateKeyBetween(low, high);
  }
  return key;
}

/**
 * A key after the last task of the status column. Written as ORDER BY … LIMIT 1 rather than max():
 * with a project's statistics still saying "empty" (a new project in a large table is not re-analysed
 * for a long time), the planner took max() through the project's number index and read every task of
 * the project on each create; this form is one backward step on tasks_project_status_position_idx.
 */
export async function endOfColumn(db: Database, projectId: string, statusId: string): Promise<string> {
  const [row] = await db
    .select({ last: tasks.position })
    .from(tasks)
    .where(and(eq(tasks.projectId, projectId), eq(tasks.statusId, statusId), isNull(tasks.deletedAt)))
    .orderBy(desc(tasks.position))
    .limit(1);
  return jitteredKeyBetween(row?.last ?? null, null);
}

/**
 * A key between two neighbours (task ids of the same project). With one neighbour, the other
 * bound is that neighbour's next (or previous) task in the same status column.
 */
export async function keyBetweenNeighbours(
  db: Database,
  projectId: string,
  taskId: string,
  p: { after?: string | null; before?: string | null },
): Promise<string> {
  const after = p.after ? await neighbour(db, projectId, taskId, p.after, "position.after") : null;
  const before = p.before ? await neighbour(db, projectId, taskId, p.before, "position.before") : null;
  let low = after?.position ?? null;
  let high = before?.position ?? null;
  if (after && !before) high = await adjacent(db, projectId, after, "next");
  if (before && !after) low = await adjacent(db, projectId, before, "previous");
  if (low !== null && high !== null && low >= high) throw fieldError("position.before", "must come after position.after in board order");
  return jitteredKeyBetween(low, high);
}

type Neighbour = { id: string; statusId: string; position: string };

async function neighbour(db: Database, projectId: string, taskId: string, id: string, path: string): Promise<Neighbour> {
  if (id === taskId) throw fieldError(path, "a task cannot be its own neighbour");
  const [row] = await db
    .select({ id: tasks.id, statusId: tasks.statusId, position: tasks.position })
    .from(tasks)
    .where(and(eq(tasks.id, id), eq(tasks.projectId, projectId), isNull(tasks.deletedAt)));
  if (!row) throw fieldError(path, "is not a task of this project");
  return row;
}

async function adjacent(db: Database, projectId: string, of: Neighbour, direction: "next" | "previous"): Promise<string | null> {
  const [row] = await db
    .select({ position: tasks.position })
    .from(tasks)
    .where(
      and(
        eq(tasks.projectId, projectId),
        eq(tasks.statusId, of.statusId),
        isNull(tasks.deletedAt),
        direction === "next" ? gt(tasks.position, of.position) : lt(tasks.position, of.position),
      ),
    )
    .orderBy(direction === "next" ? asc(tasks.position) : desc(tasks.position))
    .limit(1);
  return row?.position ?? null;
}
