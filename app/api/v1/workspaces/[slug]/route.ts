import { deleteWorkspaceOp, getWorkspaceOp, updateWorkspaceOp } from "@/server/operations/workspaces";
import { route } from "@/server/http/route";
import { getWorkspace, removeWorkspace, updateWorkspace } from "@/server/workspaces";

export const GET = route(getWorkspaceOp, ({ ctx, params }) => getWorkspace({ ctx, slug: params.slug }));
export const PATCH = route(updateWorkspaceOp, ({ ctx, params, body }) => updateWorkspace({ ctx, slug: params.slug, input: body }));
export const DELETE = route(deleteWorkspaceOp, ({ ctx, params }) => removeWorkspace({ ctx, slug: params.slug }));
