import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { projectMembers, projects, workspaceMembers, workspaces } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId } from "../transaction";
import { ConflictError } from "../errors";
import { requireTwoFactorIfAsked, twoFactorEnabledSql } from "../account/workspace-two-factor";
import { authorize, effectiveProjectRole, type ProjectAction, type ProjectResource, type ProjectRole } from "../auth/policy";

import type { CycleSettings } from "./schemas";

export type ProjectRow = typeof projects.$inferSelect;
export type ProjectAccess = { project: ProjectRow; resource: ProjectResource; role: ProjectRole };

/**
 * The project with the caller's effective role: 404 when invisible to the caller, 403 when the
 * role is too low, 409 for a write to an archived project (reads of archived projects are allowed).
 */
export async function getProjectForActorOrThrow(args: {
  db: Database;
  ctx: ServiceContext;
  projectId: string;
  action: ProjectAction;
  allowArchived?: boolean;
}): Promise<ProjectAccess> {
  const userId = requireUserId(args.ctx);
  const [row] = await args.db
    .select({
      project: projects,
      workspaceRole: workspaceMembers.role,
      projectRole: projectMembers.role,
      requireTwoFactor: workspaces.requireTwoFactor,
      twoFactor: twoFactorEnabledSql(userId),
    })
    .from(projects)
    .innerJoin(workspaces, eq(workspaces.id, projects.workspaceId))
    .leftJoin(workspaceMembers, and(eq(workspaceMembers.workspaceId, projects.workspaceId), eq(workspaceMembers.userId, userId)))
    .leftJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, userId)))
    .where(eq(projects.id, args.projectId))
    .limit(1);
  // A project member who has left the workspace sees nothing.
  const resource: ProjectResource = {
    type: "project",
    workspaceRole: row?.workspaceRole ?? null,
    projectRole: row?.workspaceRole ? (row.projectRole ?? null) : null,
    visibility: row?.project.visibility ?? "private",
  };
  authorize(args.action, resource, "Project");
  requireTwoFactorIfAsked({
    isMember: Boolean(row?.workspaceRole),
    required: Boolean(row?.requireTwoFactor),
    enabled: Boolean(row?.twoFactor),
  });
  const project = row!.project;
  if (project.archivedAt && args.action !== "project.read" && !args.allowArchived) {
    throw new ConflictError("The project is archived; restore it before changing it");
  }
  return { project, resource, role: effectiveProjectRole(resource)! };
}

export function toProject(p: ProjectRow, role: ProjectRole) {
  return {
    id: p.id,
    workspaceId: p.workspaceId,
    key: p.key,
    name: p.name,
    description: p.description,
    visibility: p.visibility,
    timezone: p.timezone,
    version: p.version,
    archivedAt: p.archivedAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    role,
    // Defaults until cycles are first set up (kept in step with server/cycles/internal.ts).
    cycleSettings: { enabled: false, lengthWeeks: 2, startDay: "monday" as const, carryOver: true, ...p.cycleSettings } as CycleSettings,
  };
}
