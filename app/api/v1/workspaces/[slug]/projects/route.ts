import { createProjectOp } from "@/server/api/projects";
import { route } from "@/server/http/route";
import { createProject } from "@/server/projects";

export const POST = route(createProjectOp, ({ ctx, params, body }) => createProject({ ctx, slug: params.slug, input: body }));
