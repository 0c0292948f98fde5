import { and, asc, eq, gt, or } from "drizzle-orm";
import { z } from "zod";
import { taskWatchers, users } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor, requireUserId, withTransaction } from "../transaction";
import { decodeCursor, PageQuery, toPage, type Page } from "../pagination";
import type { Watcher } from "./schemas";
import { getTaskForActorOrThrow, type TaskRef } from "./internal";

// Watching is the caller's own subscription, not a change to the task: anyone who can see the
// task (viewers included, archived projects included) may watch or unwatch it; no event is recorded.

export async function listWatchers(args: { ctx: ServiceContext; ref: TaskRef | string; page: PageQuery }): Promise<Page<Watcher>> {
  const page = PageQuery.parse(args.page);
  const after = decodeCursor(page.cursor, z.tuple([z.string(), z.uuid()]));
  const db = await dbFor(args.ctx);
  const { task } = await getTaskForActorOrThrow({ db, ctx: args.ctx, ref: args.ref, action: "project.read" });
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(taskWatchers)
    .innerJoin(users, eq(users.id, taskWatchers.userId))
    .where(
      and(
        eq(taskWatchers.taskId, task.id),
        after ? or(gt(users.name, after[0]), and(eq(users.name, after[0]), gt(users.id, after[1]))) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(users.id))
    .limit(page.limit + 1);
  return toPage(
    rows,
    page.limit,
    (r) => [r.name, r.id],
    (r) => r,
  );
}

export async function watchTask(args: { ctx: ServiceContext; ref: TaskRef | string }): Promise<void> {
  const userId = requireUserId(args.ctx);
  await withTransaction(args.ctx, async (tx) => {
    const { task } = await getTaskForActorOrThrow({ db: tx, ctx: args.ctx, ref: args.ref, action: "project.read" });
    await tx.insert(taskWatchers).values({ taskId: task.id, userId }).onConflictDoNothing();
  });
}

export async function unwatchTask(args: { ctx: ServiceContext; ref: TaskRef | string }): Promise<void> {
  const userId = requireUserId(args.ctx);
  await withTransaction(args.ctx, async (tx) => {
    const { task } = await getTaskForActorOrThrow({ db: tx, ctx: args.ctx, ref: args.ref, action: "project.read" });
    await tx.delete(taskWatchers).where(and(eq(taskWatchers.taskId, task.id), eq(taskWatchers.userId, userId)));
  });
}
