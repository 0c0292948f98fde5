import { and, eq, isNull, sql } from "drizzle-orm";
import { invitations, users, workspaceMembers } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { ConflictError, ForbiddenError } from "../errors";
import { canAssignWorkspaceRole } from "../auth/policy";
import { newToken } from "../auth/tokens";
import { enqueueEmail, invitationEmail, takeEmailQuota, wakeEmailWorker } from "../email";
import { recordAudit } from "../audit";
import { getWorkspaceForActorOrThrow } from "./internal";
import { AddMemberInput, type Invitation, type Member } from "./schemas";

const INVITATION_DAYS = 7;

export type AddMemberResult = { kind: "member"; member: Member } | { kind: "invitation"; invitation: Invitation };

/** An existing account joins at once; anyone else gets an invitation whose token travels only by email. */
export async function addMember(args: { ctx: ServiceContext; slug: string; input: AddMemberInput }): Promise<AddMemberResult> {
  const actorId = requireUserId(args.ctx);
  const input = AddMemberInput.parse(args.input);
  const outcome = await withTransaction(args.ctx, async (tx) => {
    const { workspace, role } = await getWorkspaceForActorOrThrow({
      db: tx,
      ctx: args.ctx,
      slug: args.slug,
      action: "workspace.members.manage",
    });
    if (!canAssignWorkspaceRole(role, null, input.role)) throw new ForbiddenError("Only owners can grant the owner role");
    const [user] = await tx
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = ${input.email}`)
      .limit(1);
    if (user) {
      const inserted = await tx
        .insert(workspaceMembers)
        .values({ workspaceId: workspace.id, userId: user.id, role: input.role })
        .onConflictDoNothing()
        .returning();
      if (inserted.length === 0) throw new ConflictError("This person is already a member");
      await recordAudit(tx, args.ctx, {
        workspaceId: workspace.id,
        type: "member.added",
        target: { type: "user", id: user.id },
        data: { email: user.email, role: input.role },
      });
      return { kind: "member" as const, member: { user: { id: user.id, name: user.name, email: user.email }, role: input.role } };
    }
    // Abuse limit before anything is written: refused means no invitation and no email.
    await takeEmailQuota({ kind: "invitation", address: input.email, workspaceId: workspace.id });
    // A fresh invitation replaces any pending one for the same email.
    await tx
      .delete(invitations)
      .where(and(eq(invitations.workspaceId, workspace.id), eq(invitations.email, input.email), isNull(invitations.acceptedAt)));
    const { token, hash } = newToken("invitation");
    const expiresAt = new Date(args.ctx.now.getTime() + INVITATION_DAYS * 86_400_000);
    const [row] = await tx
      .insert(invitations)
      .values({ workspaceId: workspace.id, email: input.email, role: input.role, tokenHash: hash, invitedBy: actorId, expiresAt })
      .returning();
    const [inviter] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actorId));
    await recordAudit(tx, args.ctx, {
      workspaceId: workspace.id,
      type: "invitation.sent",
      target: { type: "invitation", id: row!.id },
      data: { email: input.email, role: input.role },
    });
    // The email is queued in this transaction: the invitation commits, the email follows (retried, idempotent).
    await enqueueEmail(tx, {
      to: row!.email,
      invitationId: row!.id,
      idempotencyKey: `invitation-${row!.id}`,
      ...invitationEmail({ token, workspace: workspace.name, inviter: inviter?.name ?? "Someone", role: row!.role }),
    });
    const invitation: Invitation = {
      id: row!.id,
      email: row!.email,
      role: row!.role,
      expiresAt: expiresAt.toISOString(),
    };
    return { kind: "invitation" as const, invitation };
  });
  if (outcome.kind === "invitation") wakeEmailWorker();
  return outcome;
}
