import { listWatchersOp, unwatchTaskOp, watchTaskOp } from "@/server/operations/tasks";
import { route } from "@/server/http/route";
import { listWatchers, unwatchTask, watchTask } from "@/server/tasks";

export const GET = route(listWatchersOp, ({ ctx, params, query: { workspace, ...page } }) =>
  listWatchers({ ctx, ref: { idOrKey: params.idOrKey, workspace }, page }),
);
export const POST = route(watchTaskOp, ({ ctx, params, query }) => watchTask({ ctx, ref: { idOrKey: params.idOrKey, ...query } }));
export const DELETE = route(unwatchTaskOp, ({ ctx, params, query }) => unwatchTask({ ctx, ref: { idOrKey: params.idOrKey, ...query } }));
