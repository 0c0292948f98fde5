import { and, count, eq, isNull } from "drizzle-orm";
import { emailJobs, invitations, users } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { ConflictError, NotFoundError } from "../errors";
import { newToken } from "../auth/tokens";
import { enqueueEmail, invitationEmail, takeEmailQuota, wakeEmailWorker } from "../email";
import { getWorkspaceForActorOrThrow } from "./internal";
import { withDelivery } from "./invitation-delivery";
import type { PendingInvitation } from "./schemas";

/**
 * Sends a pending invitation again through the email queue. Only the token's hash is stored, so a
 * fresh token is issued (the earlier link stops working) and the expiry restarts.
 */
export async function resendInvitation(args: { ctx: ServiceContext; slug: string; invitationId: string }): Promise<PendingInvitation> {
  const actorId = requireUserId(args.ctx);
  const result = await withTransaction(args.ctx, async (tx) => {
    const { workspace } = await getWorkspaceForActorOrThrow({ db: tx, ctx: args.ctx, slug: args.slug, action: "workspace.members.manage" });
    const [found] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.id, args.invitationId), eq(invitations.workspaceId, workspace.id)))
      .for("update")
      .limit(1);
    if (!found) throw new NotFoundError("PendingInvitation");
    if (found.acceptedAt) throw new ConflictError("This invitation has already been accepted");
    await takeEmailQuota({ kind: "invitation", address: found.email, workspaceId: workspace.id });
    const { token, hash } = newToken("invitation");
    const expiresAt = new Date(args.ctx.now.getTime() + 7 * 86_400_000);
    const [row] = await tx
      .update(invitations)
      .set({ tokenHash: hash, expiresAt })
      .where(and(eq(invitations.id, found.id), isNull(invitations.acceptedAt)))
      .returning();
    const [inviter] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actorId));
    const [sent] = await tx.select({ n: count() }).from(emailJobs).where(eq(emailJobs.invitationId, found.id));
    await enqueueEmail(tx, {
      to: found.email,
      invitationId: found.id,
      idempotencyKey: `invitation-${found.id}-${(sent?.n ?? 0) + 1}`,
      ...invitationEmail({ token, workspace: workspace.name, inviter: inviter?.name ?? "Someone", role: found.role }),
    });
    const [invitation] = await withDelivery(tx, [row!]);
    return invitation!;
  });
  wakeEmailWorker();
  return result;
}
