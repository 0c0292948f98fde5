import { deleteCycleOp, getCycleOp, updateCycleOp } from "@/server/operations/cycles";
import { route } from "@/server/http/route";
import { getCycle, removeCycle, updateCycle } from "@/server/cycles";

export const GET = route(getCycleOp, ({ ctx, params }) => getCycle({ ctx, cycleId: params.cycleId }));
export const PATCH = route(updateCycleOp, ({ ctx, params, body, ifMatch }) =>
  updateCycle({ ctx, cycleId: params.cycleId, input: body, ifMatch }),
);
export const DELETE = route(deleteCycleOp, ({ ctx, params, ifMatch }) => removeCycle({ ctx, cycleId: params.cycleId, ifMatch }));
