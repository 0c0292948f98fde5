import { createWorkspaceOp, listWorkspacesOp } from "@/server/operations/workspaces";
import { route } from "@/server/http/route";
import { createWorkspace, listWorkspaces } from "@/server/workspaces";

export const GET = route(listWorkspacesOp, ({ ctx, query }) => listWorkspaces({ ctx, page: query }));
export const POST = route(createWorkspaceOp, ({ ctx, body }) => createWorkspace({ ctx, input: body }));
