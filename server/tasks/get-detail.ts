import { and, isNull, asc, eq, or } from "drizzle-orm";
import { activity, comments, taskDependencies, tasks, taskWatchers, users } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor } from "../transaction";
import { projectPermissions, type ProjectPermissions } from "../auth/policy";
// Type only: comments depend on tasks at run time, never the other way round.
import type { Comment } from "../comments/schemas";
import { toActivityEntry } from "./activity";
import { getTaskForActorOrThrow, type TaskRef } from "./internal";
import { loadTasks } from "./load";
import type { ActivityEntry, Dependencies, Task, Watcher } from "./schemas";

const DETAIL_LIMIT = 100;

export type TaskDetail = {
  task: Task;
  comments: Comment[];
  activity: ActivityEntry[];
  dependencies: Dependencies;
  watchers: Watcher[];
  subtasks: Task[];
  permissions: ProjectPermissions;
};

/**
 * Everything the task page and drawer show, after one access check: comments, activity, watchers
 * and subtasks (first 100 each, as the list endpoints order them) and dependencies; all tasks in
 * the answer are loaded together.
 */
export async function getTaskDetail(args: { ctx: ServiceContext; ref: TaskRef | string }): Promise<TaskDetail> {
  const db = await dbFor(args.ctx);
  const { task, project, resource } = await getTaskForActorOrThrow({ db, ctx: args.ctx, ref: args.ref, action: "project.read" });
  const [commentRows, activityRows, watchers, links, subtaskRows] = await Promise.all([
    db
      .select({ comment: comments, authorName: users.name })
      .from(comments)
      .leftJoin(users, eq(users.id, comments.authorId))
      .where(eq(comments.taskId, task.id))
      .orderBy(asc(comments.createdAt), asc(comments.id))
      .limit(DETAIL_LIMIT),
    db
      .select({ row: activity, actorName: users.name })
      .from(activity)
      .leftJoin(users, eq(users.id, activity.actorId))
      .where(eq(activity.taskId, task.id))
      .orderBy(asc(activity.id))
      .limit(DETAIL_LIMIT),
    db
      .select({ id: users.id, name: users.name })
      .from(taskWatchers)
      .innerJoin(users, eq(users.id, taskWatchers.userId))
      .where(eq(taskWatchers.taskId, task.id))
      .orderBy(asc(users.name), asc(users.id))
      .limit(DETAIL_LIMIT),
    db
      .select()
      .from(taskDependencies)
      .where(or(eq(taskDependencies.taskId, task.id), eq(taskDependencies.blockedById, task.id)))
      .orderBy(asc(taskDependencies.createdAt)),
    db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.projectId, project.id), eq(tasks.parentId, task.id), isNull(tasks.deletedAt)))
      .orderBy(asc(tasks.position), asc(tasks.id))
      .limit(DETAIL_LIMIT),
  ]);

  const blockedBy = links.filter((l) => l.taskId === task.id).map((l) => l.blockedById);
  const blocking = links.filter((l) => l.blockedById === task.id).map((l) => l.taskId);
  const subtaskIds = subtaskRows.map((r) => r.id);
  const loaded = new Map((await loadTasks(db, [...new Set([task.id, ...blockedBy, ...blocking, ...subtaskIds])])).map((t) => [t.id, t]));
  const pick = (ids: string[]) => ids.flatMap((id) => (loaded.has(id) ? [loaded.get(id)!] : []));
  return {
    task: loaded.get(task.id)!,
    comments: commentRows.map(({ comment: c, authorName }) => ({
      id: c.id,
      taskId: c.taskId,
      author: c.authorId ? { id: c.authorId, name: authorName ?? "" } : null,
      body: c.body,
      version: c.version,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    })),
    activity: activityRows.map(toActivityEntry),
    dependencies: { blockedBy: pick(blockedBy), blocking: pick(blocking) },
    watchers,
    subtasks: pick(subtaskIds),
    permissions: projectPermissions(resource, project.archivedAt !== null),
  };
}
