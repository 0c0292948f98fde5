import { eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { projects, tasks } from "@/db/schema";
import type { ServiceContext } from "../context";
import { withTransaction } from "../transaction";
import { ServiceError } from "../errors";
import { UpdateTaskInput, type Task } from "./schemas";
import { updateTask } from "./update";

export const MAX_BULK_UPDATES = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const BulkUpdateTasksInput = z.object({
  updates: z
    .array(
      z.object({
        ref: z.string().trim().min(1, "must be a task id or key").max(100),
        input: UpdateTaskInput,
        ifMatch: z.number().int().optional(),
      }),
    )
    .min(1, "name at least one task")
    .max(MAX_BULK_UPDATES, `at most ${MAX_BULK_UPDATES} tasks at once`),
});
export type BulkUpdateTasksInput = z.input<typeof BulkUpdateTasksInput>;

/**
 * Several updates in one transaction, each through updateTask (authorization, If-Match, activity,
 * one outbox event per changed task). All or nothing: the first refusal rolls everything back and
 * is rethrown with the same code, its message naming the task.
 */
export async function bulkUpdateTasks(args: { ctx: ServiceContext; input: BulkUpdateTasksInput }): Promise<Task[]> {
  const { updates } = BulkUpdateTasksInput.parse(args.input);
  return withTransaction(args.ctx, async (tx, ctx) => {
    const keys = await keysOf(
      tx,
      updates.map((u) => u.ref),
    );
    const updated: Task[] = [];
    for (const [i, u] of updates.entries()) {
      try {
        updated.push(await updateTask({ ctx, ref: u.ref, input: u.input, ifMatch: u.ifMatch }));
      } catch (error) {
        if (!(error instanceof ServiceError)) throw error;
        // A task the caller cannot see keeps the ref it was named by: its key would leak.
        const name = error.code === "NOT_FOUND" ? u.ref : (keys.get(u.ref.toLowerCase()) ?? u.ref);
        const errors = error.extra.errors?.map((e) => ({ path: `updates.${i}.input${e.path ? `.${e.path}` : ""}`, message: e.message }));
        throw new ServiceError(error.code, `Task ${name}: ${error.message}`, { ...error.extra, errors });
      }
    }
    return updated;
  });
}

/** Keys for the refs given as ids, so a refusal names the task as people know it. */
async function keysOf(db: Database, refs: string[]): Promise<Map<string, string>> {
  const ids = refs.filter((r) => UUID.test(r)).map((r) => r.toLowerCase());
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: tasks.id, key: sql<string>`${projects.key} || '-' || ${tasks.number}` })
    .from(tasks)
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .where(inArray(tasks.id, ids));
  return new Map(rows.map((r) => [r.id, r.key]));
}
