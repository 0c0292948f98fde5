import { listWorkspaceTasksOp } from "@/server/operations/search";
import { route } from "@/server/http/route";
import { listWorkspaceTasks } from "@/server/tasks/list";

export const GET = route(listWorkspaceTasksOp, ({ ctx, params, query }) => listWorkspaceTasks({ ctx, slug: params.slug, query }));
