import { deleteCommentOp, updateCommentOp } from "@/server/operations/tasks";
import { removeComment, updateComment } from "@/server/comments";
import { route } from "@/server/http/route";

export const PATCH = route(updateCommentOp, ({ ctx, params, body, ifMatch }) =>
  updateComment({ ctx, commentId: params.commentId, input: body, ifMatch }),
);
export const DELETE = route(deleteCommentOp, ({ ctx, params, ifMatch }) => removeComment({ ctx, commentId: params.commentId, ifMatch }));
