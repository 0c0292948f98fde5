import { deleteTaskOp, getTaskOp, updateTaskOp } from "@/server/operations/tasks";
import { route } from "@/server/http/route";
import { getTask, removeTask, updateTask } from "@/server/tasks";

export const GET = route(getTaskOp, ({ ctx, params, query }) => getTask({ ctx, ref: { idOrKey: params.idOrKey, ...query } }));
export const PATCH = route(updateTaskOp, ({ ctx, params, query, body, ifMatch }) =>
  updateTask({ ctx, ref: { idOrKey: params.idOrKey, ...query }, input: body, ifMatch }),
);
export const DELETE = route(deleteTaskOp, async ({ ctx, params, query, ifMatch }) => {
  await removeTask({ ctx, ref: { idOrKey: params.idOrKey, ...query }, ifMatch });
});
