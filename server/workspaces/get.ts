import type { ServiceContext } from "../context";
import { dbFor } from "../transaction";
import { getWorkspaceForActorOrThrow, toWorkspace } from "./internal";
import type { Workspace } from "./schemas";

export async function getWorkspace(args: { ctx: ServiceContext; slug: string }): Promise<Workspace> {
  const db = await dbFor(args.ctx);
  const { workspace, role } = await getWorkspaceForActorOrThrow({ db, ctx: args.ctx, slug: args.slug, action: "workspace.read" });
  return toWorkspace(workspace, role);
}
