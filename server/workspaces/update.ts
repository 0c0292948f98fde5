import { eq } from "drizzle-orm";
import { users, workspaces } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { ConflictError, ForbiddenError, isUniqueViolation } from "../errors";
import { recordAudit } from "../audit";
import { getWorkspaceForActorOrThrow, toWorkspace } from "./internal";
import { UpdateWorkspaceInput, type Workspace } from "./schemas";

export async function updateWorkspace(args: { ctx: ServiceContext; slug: string; input: UpdateWorkspaceInput }): Promise<Workspace> {
  const input = UpdateWorkspaceInput.parse(args.input);
  try {
    return await withTransaction(args.ctx, async (tx) => {
      const { workspace, role } = await getWorkspaceForActorOrThrow({ db: tx, ctx: args.ctx, slug: args.slug, action: "workspace.update" });
      if (input.requireTwoFactor !== undefined && input.requireTwoFactor !== workspace.requireTwoFactor) {
        if (role !== "owner") throw new ForbiddenError("Only owners can change the two-factor requirement");
        // Like GitHub's organisations: an owner cannot require what they have not done, or they would lock themselves out.
        const [me] = await tx
          .select({ on: users.totpEnabledAt })
          .from(users)
          .where(eq(users.id, requireUserId(args.ctx)));
        if (input.requireTwoFactor && !me?.on)
          throw new ConflictError("Turn on two-factor authentication for yourself before requiring it");
      }
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
