import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { workspaceMembers, workspaces, type WorkspaceRole } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId } from "../transaction";
import { authorize, type WorkspaceAction } from "../auth/policy";
import { requireTwoFactorIfAsked, twoFactorEnabledSql } from "../account/workspace-two-factor";

export type WorkspaceRow = typeof workspaces.$inferSelect;

/** The workspace with the caller's role; 404 unless the caller is a member, 403 if the role is too low. */
export async function getWorkspaceForActorOrThrow(args: {
  db: Database;
  ctx: ServiceContext;
  slug: string;
  action: WorkspaceAction;
}): Promise<{ workspace: WorkspaceRow; role: WorkspaceRole }> {
  const userId = requireUserId(args.ctx);
  const [row] = await args.db
    .select({ workspace: workspaces, role: workspaceMembers.role, twoFactor: twoFactorEnabledSql(userId) })
    .from(workspaces)
    .leftJoin(workspaceMembers, and(eq(workspaceMembers.workspaceId, workspaces.id), eq(workspaceMembers.userId, userId)))
    .where(eq(workspaces.slug, args.slug))
    .limit(1);
  authorize(args.action, { type: "workspace", role: row?.role ?? null }, "Workspace");
  requireTwoFactorIfAsked({ isMember: Boolean(row?.role), required: row!.workspace.requireTwoFactor, enabled: Boolean(row!.twoFactor) });
  return { workspace: row!.workspace, role: row!.role! };
}

export function toWorkspace(w: WorkspaceRow, role: WorkspaceRole) {
  return { id: w.id, name: w.name, slug: w.slug, role, requireTwoFactor: w.requireTwoFactor, createdAt: w.createdAt.toISOString() };
}
