import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { projectMembers, users, workspaceMembers } from "@/db/schema";
import type { ProjectMember } from "./schemas";

export type MemberRow = { id: string; name: string; email: string; role: ProjectMember["role"]; createdAt: Date };

export function toMember(r: MemberRow): ProjectMember {
  return { user: { id: r.id, name: r.name, email: r.email }, role: r.role, createdAt: r.createdAt.toISOString() };
}

/** Project members who are still in the workspace: one who left it keeps no access (see getProjectForActorOrThrow). */
export function memberQuery(db: Database, workspaceId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: projectMembers.role, createdAt: projectMembers.createdAt })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .innerJoin(workspaceMembers, and(eq(workspaceMembers.userId, projectMembers.userId), eq(workspaceMembers.workspaceId, workspaceId)))
    .$dynamic();
}

export async function getMemberOrNull(db: Database, workspaceId: string, projectId: string, userId: string): Promise<MemberRow | null> {
  const [row] = await memberQuery(db, workspaceId)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)))
    .limit(1);
  return row ?? null;
}
