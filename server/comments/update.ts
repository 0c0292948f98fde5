import { and, eq, sql } from "drizzle-orm";
import { comments } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { ForbiddenError, PreconditionFailedError } from "../errors";
import { recordEvent } from "../events/record";
import { lockProject } from "../tasks/internal";
import { getCommentForActorOrThrow, mentionedUserIds, syncCommentsText, toComments } from "./internal";
import { UpdateCommentInput, type Comment } from "./schemas";

/** Only the author edits a comment; `ifMatch` makes the edit conditional on the version read. */
export async function updateComment(args: {
  ctx: ServiceContext;
  commentId: string;
  input: UpdateCommentInput;
  ifMatch?: number;
}): Promise<Comment> {
  const input = UpdateCommentInput.parse(args.input);
  const userId = requireUserId(args.ctx);
  return withTransaction(args.ctx, async (tx) => {
    const { project, comment, task } = await getCommentForActorOrThrow({
      db: tx,
      ctx: args.ctx,
      commentId: args.commentId,
      action: "project.write",
    });
    if (comment.authorId !== userId) throw new ForbiddenError("Only the author may edit a comment");
    await lockProject(tx, project.id);
    const expected = args.ifMatch ?? comment.version;
    if (expected !== comment.version) throw new PreconditionFailedError();
    if (input.body === comment.body) return (await toComments(tx, [comment]))[0]!;
    const [row] = await tx
      .update(comments)
      .set({ body: input.body, version: sql`${comments.version} + 1`, updatedAt: args.ctx.now })
      .where(and(eq(comments.id, comment.id), eq(comments.version, expected)))
      .returning();
    if (!row) throw new PreconditionFailedError();
    await syncCommentsText(tx, task.id);
    const [updated] = await toComments(tx, [row]);
    const mentions = await mentionedUserIds(tx, project, input.body);
    await recordEvent(tx, { type: "comment.updated", projectId: project.id, actorId: userId, data: { comment: updated!, task, mentions } });
    return updated!;
  });
}
