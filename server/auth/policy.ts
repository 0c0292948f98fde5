import type { WorkspaceRole } from "@/db/schema";
import { ForbiddenError, NotFoundError } from "../errors";

// The one place that answers "may this actor do this to this resource".
// A resource the actor cannot see is reported as not found, never as forbidden.

export const workspaceRank: Record<WorkspaceRole, number> = { guest: 1, member: 2, admin: 3, owner: 4 };
export type ProjectRole = "viewer" | "member" | "admin";
export const projectRank: Record<ProjectRole, number> = { viewer: 1, member: 2, admin: 3 };

export type WorkspaceResource = { type: "workspace"; role: WorkspaceRole | null };
export type ProjectResource = {
  type: "project";
  workspaceRole: WorkspaceRole | null;
  projectRole: ProjectRole | null;
  visibility: "workspace" | "private";
};

export type WorkspaceAction =
  | "workspace.read"
  | "workspace.update"
  | "workspace.delete"
  | "workspace.members.manage"
  | "workspace.projects.create"
  | "workspace.webhooks.manage"
  | "workspace.audit.read";
export type ProjectAction = "project.read" | "project.write" | "project.admin";
export type Action = WorkspaceAction | ProjectAction;

/** The role an actor effectively holds in a project, or null when the project is invisible to it. */
export function effectiveProjectRole(r: ProjectResource): ProjectRole | null {
  if (r.workspaceRole === "owner" || r.workspaceRole === "admin") return "admin";
  if (r.projectRole) return r.projectRole;
  if (r.visibility === "workspace" && r.workspaceRole === "member") return "member";
  return null;
}

export function canSee(resource: WorkspaceResource | ProjectResource): boolean {
  return resource.type === "workspace" ? resource.role !== null : effectiveProjectRole(resource) !== null;
}

const workspaceNeeds: Record<WorkspaceAction, WorkspaceRole> = {
  "workspace.read": "guest",
  "workspace.update": "admin",
  "workspace.delete": "owner",
  "workspace.members.manage": "admin",
  "workspace.projects.create": "member",
  "workspace.webhooks.manage": "admin",
  "workspace.audit.read": "admin",
};
const projectNeeds: Record<ProjectAction, ProjectRole> = { "project.read": "viewer", "project.write": "member", "project.admin": "admin" };

export function can(action: Action, resource: WorkspaceResource | ProjectResource): boolean {
  if (resource.type === "workspace") {
    const needed = workspaceNeeds[action as WorkspaceAction];
    return needed !== undefined && resource.role !== null && workspaceRank[resource.role] >= workspaceRank[needed];
  }
  const needed = projectNeeds[action as ProjectAction];
  const role = effectiveProjectRole(resource);
  return needed !== undefined && role !== null && projectRank[role] >= projectRank[needed];
}

/** Throws 404 when the resource is invisible to the actor, 403 when visible but not allowed. */
export function authorize(action: Action, resource: WorkspaceResource | ProjectResource, what = "Resource"): void {
  if (!canSee(resource)) throw new NotFoundError(what);
  if (!can(action, resource)) throw new ForbiddenError();
}

/** Who may grant or change a workspace role: admins manage members and guests and admins; only owners touch owners. */
export function canAssignWorkspaceRole(actorRole: WorkspaceRole, from: WorkspaceRole | null, to: WorkspaceRole): boolean {
  if (workspaceRank[actorRole] < workspaceRank.admin) return false;
  if ((to === "owner" || from === "owner") && actorRole !== "owner") return false;
  return true;
}

/** What the UI may offer on a project; computed here so no component re-derives it from a role. */
export type ProjectPermissions = {
  /** Create and edit tasks, comments, attachments: member and up, while the project is active. */
  canWrite: boolean;
  /** Administer the project (settings, archive/restore, anyone's shared views). */
  canAdmin: boolean;
  /** Change members, workflow and labels: an admin of an active project. */
  canEditSettings: boolean;
  /** Save views shared with the project (viewers keep private ones). */
  canShareViews: boolean;
};

export function projectPermissions(resource: ProjectResource, archived: boolean): ProjectPermissions {
  const admin = can("project.admin", resource);
  return {
    canWrite: can("project.write", resource) && !archived,
    canAdmin: admin,
    canEditSettings: admin && !archived,
    canShareViews: can("project.write", resource),
  };
}

/** The same for a workspace role. */
export type WorkspacePermissions = {
  /** Rename, invite and manage members, webhooks. */
  canAdmin: boolean;
  canCreateProjects: boolean;
  /** Grant or take the owner role. */
  canManageOwners: boolean;
  canDelete: boolean;
};

export function workspacePermissions(role: WorkspaceRole | null): WorkspacePermissions {
  const r: WorkspaceResource = { type: "workspace", role };
  return {
    canAdmin: can("workspace.members.manage", r),
    canCreateProjects: can("workspace.projects.create", r),
    canManageOwners: role === "owner",
    canDelete: can("workspace.delete", r),
  };
}
