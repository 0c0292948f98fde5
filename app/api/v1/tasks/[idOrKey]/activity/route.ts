import { getActivityOp } from "@/server/operations/tasks";
import { route } from "@/server/http/route";
import { getActivity } from "@/server/tasks";

export const GET = route(getActivityOp, ({ ctx, params, query: { workspace, ...page } }) =>
  getActivity({ ctx, ref: { idOrKey: params.idOrKey, workspace }, page }),
);
