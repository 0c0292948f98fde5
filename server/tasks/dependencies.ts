import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { taskDependencies } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor, requireUserId, withTransaction } from "../transaction";
import { fieldError, NotFoundError } from "../errors";
import type { TaskFieldChange } from "../events/catalog";
import { recordEvent } from "../events/record";
import { recordActivity } from "./audit";
import { AddDependencyInput, type Dependencies } from "./schemas";
import { findTaskInProject, getTaskForActorOrThrow, lockProject, type TaskAccess, type TaskRef } from "./internal";
import { loadTasks } from "./load";

// "A is blocked by B" links tasks of one project; the graph stays acyclic (checked under the project lock).

export async function getDependencies(args: { ctx: ServiceContext; ref: TaskRef | string }): Promise<Dependencies> {
  const db = await dbFor(args.ctx);
  const { task } = await getTaskForActorOrThrow({ db, ctx: args.ctx, ref: args.ref, action: "project.read" });
  return dependenciesOf(db, task.id);
}

export async function addDependency(args: {
  ctx: ServiceContext;
  ref: TaskRef | string;
  input: AddDependencyInput;
}): Promise<Dependencies> {
  const input = AddDependencyInput.parse(args.input);
  return withTransaction(args.ctx, async (tx) => {
    const access = await getTaskForActorOrThrow({ db: tx, ctx: args.ctx, ref: args.ref, action: "project.write" });
    await lockProject(tx, access.project.id);
    const blocker = await findTaskInProject(tx, access.project, input.blockedBy);
    if (!blocker) throw fieldError("blockedBy", "is not a task of this project");
    if (await reaches(tx, blocker.id, access.task.id)) throw fieldError("blockedBy", "would create a cycle of blocked tasks");
    const before = await blockerIds(tx, access.task.id);
    const inserted = await tx
      .insert(taskDependencies)
      .values({ taskId: access.task.id, blockedById: blocker.id, createdAt: args.ctx.now })
      .onConflictDoNothing()
      .returning();
    if (inserted.length) await recordChange(tx, args.ctx, access, before, [...before, blocker.id]);
    return dependenciesOf(tx, access.task.id);
  });
}

export async function removeDependency(args: { ctx: ServiceContext; ref: TaskRef | string; other: string }): Promise<void> {
  await withTransaction(args.ctx, async (tx) => {
    const access = await getTaskForActorOrThrow({ db: tx, ctx: args.ctx, ref: args.ref, action: "project.write" });
    await lockProject(tx, access.project.id);
    const other = await findTaskInProject(tx, access.project, args.other);
    if (!other) throw new NotFoundError("Dependency");
    const before = await blockerIds(tx, access.task.id);
    const deleted = await tx
      .delete(taskDependencies)
      .where(and(eq(taskDependencies.taskId, access.task.id), eq(taskDependencies.blockedById, other.id)))
      .returning();
    if (!deleted.length) throw new NotFoundError("Dependency");
    await recordChange(
      tx,
      args.ctx,
      access,
      before,
      before.filter((id) => id !== other.id),
    );
  });
}

/** True when `from` is `target` or is (transitively) blocked by it. */
async function reaches(db: Database, from: string, target: string): Promise<boolean> {
  if (from === target) return true;
  const result = (await db.execute(sql`
    with recursive chain(id) as (
      select blocked_by_id from task_dependencies where task_id = ${from}::uuid
      union
      select d.blocked_by_id from task_dependencies d join chain c on d.task_id = c.id
    )
    select 1 from chain where id = ${target}::uuid limit 1`)) as unknown as { rows: unknown[] };
  return result.rows.length > 0;
}

async function blockerIds(db: Database, taskId: string): Promise<string[]> {
  const rows = await db
    .select({ id: taskDependencies.blockedById })
    .from(taskDependencies)
    .where(eq(taskDependencies.taskId, taskId))
    .orderBy(asc(taskDependencies.blockedById));
  return rows.map((r) => r.id);
}

async function recordChange(tx: Database, ctx: ServiceContext, access: TaskAccess, from: string[], to: string[]): Promise<void> {
  const actorId = requireUserId(ctx);
  const changes: TaskFieldChange[] = [{ field: "blockedBy", from, to: [...to].sort() }];
  await recordActivity(tx, { taskId: access.task.id, projectId: access.project.id, actorId, at: ctx.now, type: "updated", changes });
  const [task] = await loadTasks(tx, [access.task.id]);
  await recordEvent(tx, { type: "task.updated", projectId: access.project.id, actorId, data: { task: task!, changes } });
}

async function dependenciesOf(db: Database, taskId: string): Promise<Dependencies> {
  const [blockedBy, blocking] = await Promise.all([
    db
      .select({ id: taskDependencies.blockedById })
      .from(taskDependencies)
      .where(eq(taskDependencies.taskId, taskId))
      .orderBy(asc(taskDependencies.createdAt)),
    db
      .select({ id: taskDependencies.taskId })
      .from(taskDependencies)
      .where(eq(taskDependencies.blockedById, taskId))
      .orderBy(asc(taskDependencies.createdAt)),
  ]);
  return {
    blockedBy: await loadTasks(
      db,
      blockedBy.map((r) => r.id),
    ),
    blocking: await loadTasks(
      db,
      blocking.map((r) => r.id),
    ),
  };
}
