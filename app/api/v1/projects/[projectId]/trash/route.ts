import { listTrashOp } from "@/server/operations/tasks";
import { route } from "@/server/http/route";
import { listTrash } from "@/server/tasks";

export const GET = route(listTrashOp, ({ ctx, params, query }) => listTrash({ ctx, projectId: params.projectId, page: query }));
