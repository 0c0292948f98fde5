import { restoreTaskOp } from "@/server/operations/tasks";
import { route } from "@/server/http/route";
import { restoreTask } from "@/server/tasks";

export const POST = route(restoreTaskOp, ({ ctx, params, query, ifMatch }) =>
  restoreTask({ ctx, ref: { idOrKey: params.idOrKey, ...query }, ifMatch }),
);
