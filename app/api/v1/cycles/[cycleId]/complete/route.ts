import { completeCycleOp } from "@/server/operations/cycles";
import { route } from "@/server/http/route";
import { completeCycle } from "@/server/cycles";

export const POST = route(completeCycleOp, ({ ctx, params }) => completeCycle({ ctx, cycleId: params.cycleId }));
