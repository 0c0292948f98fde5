import { eq } from "drizzle-orm";
import { workspaces } from "@/db/schema";
import type { ServiceContext } from "../context";
import { withTransaction } from "../transaction";
import { getWorkspaceForActorOrThrow } from "./internal";

/** Deletes the workspace and everything in it; owners only. */
export async function removeWorkspace(args: { ctx: ServiceContext; slug: string }): Promise<void> {
  await withTransaction(args.ctx, async (tx) => {
    const { workspace } = await getWorkspaceForActorOrThrow({ db: tx, ctx: args.ctx, slug: args.slug, action: "workspace.delete" });
    await tx.delete(workspaces).where(eq(workspaces.id, workspace.id));
  });
}
