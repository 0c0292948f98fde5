import { addDependencyOp, getDependenciesOp } from "@/server/operations/tasks";
import { route } from "@/server/http/route";
import { addDependency, getDependencies } from "@/server/tasks";

export const GET = route(getDependenciesOp, ({ ctx, params, query }) =>
  getDependencies({ ctx, ref: { idOrKey: params.idOrKey, ...query } }),
);
export const POST = route(addDependencyOp, ({ ctx, params, query, body }) =>
  addDependency({ ctx, ref: { idOrKey: params.idOrKey, ...query }, input: body }),
);
