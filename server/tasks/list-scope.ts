import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { projectMembers, projects, type WorkspaceRole } from "@/db/schema";
import { canSee } from "../auth/policy";

/**
 * The non-archived projects of a workspace the caller can see, decided by the policy module:
 * owners/admins all, members the workspace-visible ones and their own, guests only their own.
 */
export async function visibleProjectIds(
  db: Database,
  args: { workspaceId: string; userId: string; workspaceRole: WorkspaceRole },
): Promise<string[]> {
  const rows = await db
    .select({ id: projects.id, visibility: projects.visibility, projectRole: projectMembers.role })
    .from(projects)
    .leftJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, args.userId)))
    .where(and(eq(projects.workspaceId, args.workspaceId), isNull(projects.archivedAt)));
  return rows
    .filter((r) => canSee({ type: "project", workspaceRole: args.workspaceRole, projectRole: r.projectRole, visibility: r.visibility }))
    .map((r) => r.id);
}
