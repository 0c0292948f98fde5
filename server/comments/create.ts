import { eq } from "drizzle-orm";
import { comments, tasks, taskWatchers } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { recordEvent } from "../events/record";
import { getTaskForActorOrThrow, type TaskRef } from "../tasks/internal";
import { mentionedUserIds, syncCommentsText, toComments } from "./internal";
import { CreateCommentInput, type Comment } from "./schemas";

/** Adds a comment; the author starts watching the task (so they hear about replies). */
export async function createComment(args: { ctx: ServiceContext; ref: TaskRef | string; input: CreateCommentInput }): Promise<Comment> {
  const input = CreateCommentInput.parse(args.input);
  const authorId = requireUserId(args.ctx);
  return withTransaction(args.ctx, async (tx) => {
    const { project, task, key } = await getTaskForActorOrThrow({ db: tx, ctx: args.ctx, ref: args.ref, action: "project.write" });
    // Comments on one task queue on its row, so syncCommentsText sees every committed comment; the
    // project's row lock comes last, in recordEvent.
    await tx.select({ id: tasks.id }).from(tasks).where(eq(tasks.id, task.id)).for("no key update");
    const [row] = await tx
      .insert(comments)
      .values({ taskId: task.id, authorId, body: input.body, createdAt: args.ctx.now, updatedAt: args.ctx.now })
      .returning();
    await syncCommentsText(tx, task.id);
    await tx.insert(taskWatchers).values({ taskId: task.id, userId: authorId }).onConflictDoNothing();
    const mentions = await mentionedUserIds(tx, project, input.body);
    const [comment] = await toComments(tx, [row!]);
    await recordEvent(tx, {
      type: "comment.created",
      projectId: project.id,
      actorId: authorId,
      data: { comment: comment!, task: { id: task.id, key, title: task.title }, mentions },
      refuseArchived: true,
    });
    return comment!;
  });
}
