import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { projectMembers, projects, taskAssignees, tasks, taskWatchers, users, workspaceMembers, workspaces } from "@/db/schema";
import { effectiveProjectRole } from "../auth/policy";

export type ProjectInfo = {
  id: string;
  key: string;
  name: string;
  visibility: "workspace" | "private";
  workspaceId: string;
  workspaceSlug: string;
};

export async function projectInfo(db: Database, projectId: string): Promise<ProjectInfo | undefined> {
  const [row] = await db
    .select({
      id: projects.id,
      key: projects.key,
      name: projects.name,
      visibility: projects.visibility,
      workspaceId: projects.workspaceId,
      workspaceSlug: workspaces.slug,
    })
    .from(projects)
    .innerJoin(workspaces, eq(workspaces.id, projects.workspaceId))
    .where(eq(projects.id, projectId));
  return row;
}

export async function userRef(db: Database, userId: string | null): Promise<{ id: string; name: string } | undefined> {
  if (!userId) return undefined;
  const [row] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, userId));
  return row;
}

/** Assignees, watchers and the reporter of a task, as they are now. */
export async function taskFollowers(db: Database, taskId: string): Promise<string[]> {
  // One after another: inside a transaction node-postgres runs one query at a time anyway.
  const assignees = await db.select({ id: taskAssignees.userId }).from(taskAssignees).where(eq(taskAssignees.taskId, taskId));
  const watchers = await db.select({ id: taskWatchers.userId }).from(taskWatchers).where(eq(taskWatchers.taskId, taskId));
  const reporter = await db.select({ id: tasks.reporterId }).from(tasks).where(eq(tasks.id, taskId));
  return [...assignees, ...watchers, ...reporter].map((r) => r.id).filter((id): id is string => Boolean(id));
}

/** Only people who can still see the project hear about it (a removed member gets nothing). */
export async function whoCanSee(db: Database, project: ProjectInfo, userIds: string[]): Promise<string[]> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return [];
  const rows = await db
    .select({ userId: workspaceMembers.userId, workspaceRole: workspaceMembers.role, projectRole: projectMembers.role })
    .from(workspaceMembers)
    .leftJoin(projectMembers, and(eq(projectMembers.projectId, project.id), eq(projectMembers.userId, workspaceMembers.userId)))
    .where(and(eq(workspaceMembers.workspaceId, project.workspaceId), inArray(workspaceMembers.userId, unique)));
  return rows
    .filter(
      (r) =>
        effectiveProjectRole({
          type: "project",
          workspaceRole: r.workspaceRole,
          projectRole: r.projectRole ?? null,
          visibility: project.visibility,
        }) !== null,
    )
    .map((r) => r.userId);
}
