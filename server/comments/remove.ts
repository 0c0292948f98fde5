import { and, eq } from "drizzle-orm";
import { comments } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { ForbiddenError, NotFoundError, PreconditionFailedError } from "../errors";
import { recordEvent } from "../events/record";
import { lockProject } from "../tasks/internal";
import { getCommentForActorOrThrow, syncCommentsText } from "./internal";

/** The author, or a project admin (moderation), deletes a comment. */
export async function removeComment(args: { ctx: ServiceContext; commentId: string; ifMatch?: number }): Promise<void> {
  const userId = requireUserId(args.ctx);
  await withTransaction(args.ctx, async (tx) => {
    const { project, comment, task, role } = await getCommentForActorOrThrow({
      db: tx,
      ctx: args.ctx,
      commentId: args.commentId,
      action: "project.write",
    });
    if (comment.authorId !== userId && role !== "admin")
      throw new ForbiddenError("Only the author or a project admin may delete a comment");
    await lockProject(tx, project.id);
    const [deleted] = await tx
      .delete(comments)
      .where(and(eq(comments.id, comment.id), args.ifMatch !== undefined ? eq(comments.version, args.ifMatch) : undefined))
      .returning({ id: comments.id });
    if (!deleted) throw args.ifMatch !== undefined ? new PreconditionFailedError() : new NotFoundError("Comment");
    await syncCommentsText(tx, task.id);
    await recordEvent(tx, { type: "comment.deleted", projectId: project.id, actorId: userId, data: { id: comment.id, task } });
  });
}
