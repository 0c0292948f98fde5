import { listProjectTasksOp } from "@/server/operations/search";
import { createTaskOp } from "@/server/operations/tasks";
import { route } from "@/server/http/route";
import { createTask } from "@/server/tasks";
import { listProjectTasks } from "@/server/tasks/list";

export const GET = route(listProjectTasksOp, ({ ctx, params, query }) => listProjectTasks({ ctx, projectId: params.projectId, query }));
export const POST = route(createTaskOp, ({ ctx, params, body }) => createTask({ ctx, projectId: params.projectId, input: body }));
