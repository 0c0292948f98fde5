import { eq } from "drizzle-orm";
import { workspaces } from "@/db/schema";
import type { ServiceContext } from "../context";
import { withTransaction } from "../transaction";
import { ConflictError, isUniqueViolation } from "../errors";
import { recordAudit } from "../audit";
import { getWorkspaceForActorOrThrow, toWorkspace } from "./internal";
import { UpdateWorkspaceInput, type Workspace } from "./schemas";

export async function updateWorkspace(args: { ctx: ServiceContext; slug: string; input: UpdateWorkspaceInput }): Promise<Workspace> {
  const input = UpdateWorkspaceInput.parse(args.input);
  try {
    return await withTransaction(args.ctx, async (tx) => {
      const { workspace, role } = await getWorkspaceForActorOrThrow({ db: tx, ctx: args.ctx, slug: args.slug, action: "workspace.update" });
      const [row] = await tx
        .update(workspaces)
        .set({ ...input, updatedAt: args.ctx.now })
        .where(eq(workspaces.id, workspace.id))
        .returning();
      const changed = Object.fromEntries(
        (["name", "slug"] as const)
          .filter((k) => input[k] !== undefined && input[k] !== workspace[k])
          .map((k) => [k, { from: workspace[k], to: input[k] }]),
      );
      if (Object.keys(changed).length > 0) {
        await recordAudit(tx, args.ctx, {
          workspaceId: workspace.id,
          type: "workspace.updated",
          target: { type: "workspace", id: workspace.id },
          data: changed,
        });
      }
      return toWorkspace(row!, role);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`The slug "${input.slug}" is taken`);
    throw error;
  }
}
