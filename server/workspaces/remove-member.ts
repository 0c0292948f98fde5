import { and, eq } from "drizzle-orm";
import { workspaceMembers } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { ForbiddenError, NotFoundError } from "../errors";
import { canAssignWorkspaceRole } from "../auth/policy";
import { recordAudit } from "../audit";
import { getWorkspaceForActorOrThrow } from "./internal";
import { assertAnotherOwner } from "./update-member";

/** Admins remove members; anyone may leave; the last owner may do neither. */
export async function removeMember(args: { ctx: ServiceContext; slug: string; userId: string }): Promise<void> {
  const actorId = requireUserId(args.ctx);
  const leaving = actorId === args.userId;
  await withTransaction(args.ctx, async (tx) => {
    const { workspace, role } = await getWorkspaceForActorOrThrow({
      db: tx,
      ctx: args.ctx,
      slug: args.slug,
      action: leaving ? "workspace.read" : "workspace.members.manage",
    });
    const [target] = await tx
      .select({ role: workspaceMembers.role })
      .from(workspaceMembers)
      .where(and(eq(workspaceMembers.workspaceId, workspace.id), eq(workspaceMembers.userId, args.userId)))
      .for("update")
      .limit(1);
    if (!target) throw new NotFoundError("Member");
    if (!leaving && target.role === "owner" && role !== "owner") throw new ForbiddenError("Only owners can remove an owner");
    if (!leaving && !canAssignWorkspaceRole(role, target.role, target.role)) throw new ForbiddenError();
    if (target.role === "owner") await assertAnotherOwner(tx, workspace.id, args.userId);
    await tx.delete(workspaceMembers).where(and(eq(workspaceMembers.workspaceId, workspace.id), eq(workspaceMembers.userId, args.userId)));
    await recordAudit(tx, args.ctx, {
      workspaceId: workspace.id,
      type: leaving ? "member.left" : "member.removed",
      target: { type: "user", id: args.userId },
      data: { role: target.role },
    });
  });
}
