import { and, asc, eq, gt, or } from "drizzle-orm";
import { z } from "zod";
import { comments } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor } from "../transaction";
import { decodeCursor, PageQuery, toPage, type Page } from "../pagination";
import { getTaskForActorOrThrow, type TaskRef } from "../tasks/internal";
import { toComments } from "./internal";
import type { Comment } from "./schemas";

/** A task's comments, oldest first. */
export async function listComments(args: { ctx: ServiceContext; ref: TaskRef | string; page: PageQuery }): Promise<Page<Comment>> {
  const page = PageQuery.parse(args.page);
  const after = decodeCursor(page.cursor, z.tuple([z.iso.datetime(), z.uuid()]));
  const db = await dbFor(args.ctx);
  const { task } = await getTaskForActorOrThrow({ db, ctx: args.ctx, ref: args.ref, action: "project.read" });
  const at = after ? new Date(after[0]) : undefined;
  const rows = await db
    .select()
    .from(comments)
    .where(
      and(
        eq(comments.taskId, task.id),
        at ? or(gt(comments.createdAt, at), and(eq(comments.createdAt, at), gt(comments.id, after![1]))) : undefined,
      ),
    )
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(page.limit + 1);
  const served = toPage(
    rows,
    page.limit,
    (r) => [r.createdAt.toISOString(), r.id],
    (r) => r,
  );
  return { data: await toComments(db, served.data), nextCursor: served.nextCursor };
}
