import { removeDependencyOp } from "@/server/operations/tasks";
import { route } from "@/server/http/route";
import { removeDependency } from "@/server/tasks";

export const DELETE = route(removeDependencyOp, ({ ctx, params, query }) =>
  removeDependency({ ctx, ref: { idOrKey: params.idOrKey, ...query }, other: params.otherIdOrKey }),
);
