import { and, eq, isNull } from "drizzle-orm";
import { invitations, users, workspaceMembers, workspaces } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { hashToken } from "../auth/tokens";
import { markEmailVerified } from "../account/email-verification";
import { recordAudit } from "../audit";
import type { Membership } from "./schemas";

/** Only the invited email may accept; an accepted or expired invitation is a conflict. */
export async function acceptInvitation(args: { ctx: ServiceContext; token: string }): Promise<Membership> {
  const userId = requireUserId(args.ctx);
  return withTransaction(args.ctx, async (tx) => {
    const [found] = await tx
      .select({ invitation: invitations, workspace: workspaces })
      .from(invitations)
      .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
      .where(eq(invitations.tokenHash, hashToken(args.token)))
      .for("update", { of: invitations })
      .limit(1);
    if (!found) throw new NotFoundError("Invitation");
    const [me] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    if (me?.email.toLowerCase() !== found.invitation.email.toLowerCase())
      throw new ForbiddenError("This invitation was sent to another email address");
    if (found.invitation.acceptedAt) throw new ConflictError("This invitation has already been accepted");
    if (found.invitation.expiresAt <= args.ctx.now) throw new ConflictError("This invitation has expired; ask for a new one");
    // The invitation link reached this address, which is what verification proves.
    await markEmailVerified(tx, { userId, email: found.invitation.email, now: args.ctx.now });
    await tx
      .update(invitations)
      .set({ acceptedAt: args.ctx.now })
      .where(and(eq(invitations.id, found.invitation.id), isNull(invitations.acceptedAt)));
    // Already a member (e.g. added directly meanwhile): the existing role stays.
    await tx
      .insert(workspaceMembers)
      .values({ workspaceId: found.workspace.id, userId, role: found.invitation.role })
      .onConflictDoNothing();
    await recordAudit(tx, args.ctx, {
      workspaceId: found.workspace.id,
      type: "invitation.accepted",
      target: { type: "invitation", id: found.invitation.id },
      data: { email: found.invitation.email, role: found.invitation.role },
    });
    const [membership] = await tx
      .select({ role: workspaceMembers.role })
      .from(workspaceMembers)
      .where(and(eq(workspaceMembers.workspaceId, found.workspace.id), eq(workspaceMembers.userId, userId)));
    return { workspace: { id: found.workspace.id, slug: found.workspace.slug, name: found.workspace.name }, role: membership!.role };
  });
}
