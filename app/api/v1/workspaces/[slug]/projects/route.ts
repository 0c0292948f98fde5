import { createProjectOp, listProjectsOp } from "@/server/operations/projects";
import { route } from "@/server/http/route";
import { createProject, listProjects } from "@/server/projects";

export const GET = route(listProjectsOp, ({ ctx, params, query }) => listProjects({ ctx, slug: params.slug, query }));
export const POST = route(createProjectOp, ({ ctx, params, body }) => createProject({ ctx, slug: params.slug, input: body }));
