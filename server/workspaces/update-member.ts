import { and, eq, ne, sql } from "drizzle-orm";
import { users, workspaceMembers } from "@/db/schema";
import type { ServiceContext } from "../context";
import { withTransaction } from "../transaction";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { canAssignWorkspaceRole } from "../auth/policy";
import type { Database } from "@/db/client";
import { recordAudit } from "../audit";
import { getWorkspaceForActorOrThrow } from "./internal";
import { UpdateMemberInput, type Member } from "./schemas";

/** A workspace never loses its last owner. */
export async function assertAnotherOwner(tx: Database, workspaceId: string, userId: string): Promise<void> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.role, "owner"), ne(workspaceMembers.userId, userId)));
  if (!row || row.n === 0) throw new ConflictError("A workspace must keep at least one owner");
}

export async function updateMember(args: { ctx: ServiceContext; slug: string; userId: string; input: UpdateMemberInput }): Promise<Member> {
  const input = UpdateMemberInput.parse(args.input);
  return withTransaction(args.ctx, async (tx) => {
    const { workspace, role } = await getWorkspaceForActorOrThrow({
      db: tx,
      ctx: args.ctx,
      slug: args.slug,
      action: "workspace.members.manage",
    });
    const [target] = await tx
      .select({ role: workspaceMembers.role, id: users.id, name: users.name, email: users.email })
      .from(workspaceMembers)
      .innerJoin(users, eq(users.id, workspaceMembers.userId))
      .where(and(eq(workspaceMembers.workspaceId, workspace.id), eq(workspaceMembers.userId, args.userId)))
      .for("update", { of: workspaceMembers })
      .limit(1);
    if (!target) throw new NotFoundError("Member");
    if (!canAssignWorkspaceRole(role, target.role, input.role))
      throw new ForbiddenError("Only owners can grant or take away the owner role");
    if (target.role === "owner" && input.role !== "owner") await assertAnotherOwner(tx, workspace.id, args.userId);
    await tx
      .update(workspaceMembers)
      .set({ role: input.role })
      .where(and(eq(workspaceMembers.workspaceId, workspace.id), eq(workspaceMembers.userId, args.userId)));
    if (target.role !== input.role) {
      await recordAudit(tx, args.ctx, {
        workspaceId: workspace.id,
        type: "member.role_changed",
        target: { type: "user", id: target.id },
        data: { email: target.email, from: target.role, to: input.role },
      });
    }
    return { user: { id: target.id, name: target.name, email: target.email }, role: input.role };
  });
}
