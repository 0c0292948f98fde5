import { createCycleOp, listCyclesOp } from "@/server/operations/cycles";
import { route } from "@/server/http/route";
import { createCycle, listCycles } from "@/server/cycles";

export const GET = route(listCyclesOp, ({ ctx, params, query }) => listCycles({ ctx, projectId: params.projectId, query }));
export const POST = route(createCycleOp, ({ ctx, params, body }) => createCycle({ ctx, projectId: params.projectId, input: body }));
