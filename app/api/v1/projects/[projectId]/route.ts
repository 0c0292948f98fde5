import { getProjectOp } from "@/server/api/projects";
import { route } from "@/server/http/route";
import { getProject } from "@/server/projects";

export const GET = route(getProjectOp, ({ ctx, params }) => getProject({ ctx, projectId: params.projectId }));
