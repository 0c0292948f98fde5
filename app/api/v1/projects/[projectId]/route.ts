import { archiveProjectOp, getProjectOp, updateProjectOp } from "@/server/operations/projects";
import { route } from "@/server/http/route";
import { archiveProject, getProject, updateProject } from "@/server/projects";

export const GET = route(getProjectOp, ({ ctx, params }) => getProject({ ctx, projectId: params.projectId }));
export const PATCH = route(updateProjectOp, ({ ctx, params, body, ifMatch }) =>
  updateProject({ ctx, projectId: params.projectId, input: body, ifMatch }),
);
export const DELETE = route(archiveProjectOp, ({ ctx, params, ifMatch }) => archiveProject({ ctx, projectId: params.projectId, ifMatch }));
