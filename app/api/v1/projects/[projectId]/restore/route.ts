import { restoreProjectOp } from "@/server/operations/projects";
import { route } from "@/server/http/route";
import { restoreProject } from "@/server/projects";

export const POST = route(restoreProjectOp, ({ ctx, params, ifMatch }) => restoreProject({ ctx, projectId: params.projectId, ifMatch }));
