import { deleteTaskOp, getTaskOp, updateTaskOp } from "@/server/operations/tasks";
import { route } from "@/server/http/route";
import { getTask, removeTask } from "@/server/tasks";
import { updateTaskInScope } from "@/server/recurrence";

export const GET = route(getTaskOp, ({ ctx, params, query }) => getTask({ ctx, ref: { idOrKey: params.idOrKey, ...query } }));
export const PATCH = route(updateTaskOp, ({ ctx, params, query: { scope, ...query }, body, ifMatch }) =>
  updateTaskInScope({ ctx, ref: { idOrKey: params.idOrKey, ...query }, input: body, ifMatch, scope }),
);
export const DELETE = route(deleteTaskOp, async ({ ctx, params, query, ifMatch }) => {
  await removeTask({ ctx, ref: { idOrKey: params.idOrKey, ...query }, ifMatch });
});
