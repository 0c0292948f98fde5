import { describe, expect, it } from "vitest";
import {
  authorize,
  can,
  canAssignWorkspaceRole,
  effectiveProjectRole,
  projectPermissions,
  workspacePermissions,
  type ProjectResource,
} from "./policy";
import { ForbiddenError, NotFoundError } from "../errors";

const project = (p: Partial<ProjectResource>): ProjectResource => ({
  type: "project",
  workspaceRole: null,
  projectRole: null,
  visibility: "workspace",
  ...p,
});

describe("policy", () => {
  it("gives workspace members access to workspace-visible projects only", () => {
    expect(effectiveProjectRole(project({ workspaceRole: "member" }))).toBe("member");
    expect(effectiveProjectRole(project({ workspaceRole: "member", visibility: "private" }))).toBeNull();
    expect(effectiveProjectRole(project({ workspaceRole: "guest" }))).toBeNull();
    expect(effectiveProjectRole(project({ workspaceRole: "guest", projectRole: "viewer" }))).toBe("viewer");
    expect(effectiveProjectRole(project({ workspaceRole: "admin", visibility: "private" }))).toBe("admin");
  });
  it("hides what cannot be seen (404) and refuses what cannot be done (403)", () => {
    expect(() => authorize("project.read", project({}))).toThrow(NotFoundError);
    expect(() => authorize("project.write", project({ workspaceRole: "guest", projectRole: "viewer" }))).toThrow(ForbiddenError);
    expect(can("project.write", project({ workspaceRole: "member" }))).toBe(true);
    expect(can("workspace.update", { type: "workspace", role: "member" })).toBe(false);
    expect(can("workspace.delete", { type: "workspace", role: "owner" })).toBe(true);
  });
  it("lets only owners grant or take the owner role", () => {
    expect(canAssignWorkspaceRole("admin", null, "owner")).toBe(false);
    expect(canAssignWorkspaceRole("admin", "owner", "member")).toBe(false);
    expect(canAssignWorkspaceRole("admin", "guest", "admin")).toBe(true);
    expect(canAssignWorkspaceRole("owner", "owner", "admin")).toBe(true);
    expect(canAssignWorkspaceRole("member", null, "guest")).toBe(false);
  });
});

describe("permissions", () => {
  it("derive what the UI offers from the role and the project's state", () => {
    const viewer = project({ workspaceRole: "guest", projectRole: "viewer" });
    expect(projectPermissions(viewer, false)).toEqual({ canWrite: false, canAdmin: false, canEditSettings: false, canShareViews: false });
    expect(projectPermissions(project({ workspaceRole: "member" }), false)).toEqual({
      canWrite: true,
      canAdmin: false,
      canEditSettings: false,
      canShareViews: true,
    });
    expect(projectPermissions(project({ workspaceRole: "admin" }), true)).toEqual({
      canWrite: false,
      canAdmin: true,
      canEditSettings: false,
      canShareViews: true,
    });
  });
  it("only owners manage owners", () => {
    expect(workspacePermissions("admin")).toEqual({ canAdmin: true, canCreateProjects: true, canManageOwners: false, canDelete: false });
    expect(workspacePermissions("owner").canManageOwners).toBe(true);
    expect(workspacePermissions("guest")).toEqual({ canAdmin: false, canCreateProjects: false, canManageOwners: false, canDelete: false });
  });
});
