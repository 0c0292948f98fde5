import { getBoardOp } from "@/server/operations/board";
import { route } from "@/server/http/route";
import { getBoard } from "@/server/tasks";

export const GET = route(getBoardOp, ({ ctx, params, query: { limit, ...filters } }) =>
  getBoard({ ctx, projectId: params.projectId, filters, perColumn: limit }),
);
