import { createCommentOp, listCommentsOp } from "@/server/operations/tasks";
import { createComment, listComments } from "@/server/comments";
import { route } from "@/server/http/route";

export const GET = route(listCommentsOp, ({ ctx, params, query: { workspace, ...page } }) =>
  listComments({ ctx, ref: { idOrKey: params.idOrKey, workspace }, page }),
);
export const POST = route(createCommentOp, ({ ctx, params, query, body }) =>
  createComment({ ctx, ref: { idOrKey: params.idOrKey, ...query }, input: body }),
);
