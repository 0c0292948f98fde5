import { and, eq, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { projectMembers, users, workspaceMembers } from "@/db/schema";
import { canSee } from "../auth/policy";
import type { ProjectRow } from "../projects/internal";

export type VisibleUser = { id: string; name: string; email: string };

/** Users matching `where` who can see the project (the same rule the policy applies to callers). */
export async function projectVisibleUsers(db: Database, project: ProjectRow, where: SQL): Promise<VisibleUser[]> {
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, workspaceRole: workspaceMembers.role, projectRole: projectMembers.role })
    .from(users)
    .innerJoin(workspaceMembers, and(eq(workspaceMembers.userId, users.id), eq(workspaceMembers.workspaceId, project.workspaceId)))
    .leftJoin(projectMembers, and(eq(projectMembers.userId, users.id), eq(projectMembers.projectId, project.id)))
    .where(where);
  return rows
    .filter((r) => canSee({ type: "project", workspaceRole: r.workspaceRole, projectRole: r.projectRole, visibility: project.visibility }))
    .map((r) => ({ id: r.id, name: r.name, email: r.email }));
}
