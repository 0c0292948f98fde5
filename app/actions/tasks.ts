"use server";
import { attempt, type ActionResult } from "@/app/lib/action";
import { requireContext } from "@/app/lib/session";
import { createComment, listComments, type Comment } from "@/server/comments";
import {
  addDependency,
  createTask,
  getActivity,
  getDependencies,
  getTask,
  listWatchers,
  removeDependency,
  removeTask,
  unwatchTask,
  updateTask,
  watchTask,
  type ActivityEntry,
  type CreateTaskInput,
  type Dependencies,
  type Task,
  type UpdateTaskInput,
  type Watcher,
} from "@/server/tasks";
import { listProjectTasks } from "@/server/tasks/list";

// Thin wrappers: the same service verbs as the REST API, refusals mapped to { ok: false, error }.

export async function createTaskAction(projectId: string, input: CreateTaskInput): Promise<ActionResult<Task>> {
  const ctx = await requireContext();
  return attempt(() => createTask({ ctx, projectId, input }));
}

/** `ifMatch` is the version the client showed: a stale one is refused (PRECONDITION_FAILED) and nothing changes. */
export async function updateTaskAction(ref: string, input: UpdateTaskInput, ifMatch?: number): Promise<ActionResult<Task>> {
  const ctx = await requireContext();
  return attempt(() => updateTask({ ctx, ref, input, ifMatch }));
}

export async function bulkUpdateTasksAction(refs: string[], input: UpdateTaskInput): Promise<ActionResult<{ updated: Task[]; failed: { ref: string; error: string }[] }>> {
  const ctx = await requireContext();
  const updated: Task[] = [];
  const failed: { ref: string; error: string }[] = [];
  for (const ref of refs.slice(0, 500)) {
    const r = await attempt(() => updateTask({ ctx: { ...ctx, now: new Date() }, ref, input }));
    if (r.ok) updated.push(r.data);
    else failed.push({ ref, error: r.error });
  }
  return { ok: true, data: { updated, failed } };
}

export async function removeTaskAction(ref: string, ifMatch?: number): Promise<ActionResult> {
  const ctx = await requireContext();
  const r = await attempt(() => removeTask({ ctx, ref, ifMatch }));
  return r.ok ? { ok: true, data: undefined } : r;
}

export type TaskDetail = {
  task: Task;
  comments: Comment[];
  activity: ActivityEntry[];
  dependencies: Dependencies;
  watchers: Watcher[];
  subtasks: Task[];
};

/** Everything the task page and the drawer show, in one round trip. */
export async function loadTaskDetailAction(ref: string): Promise<ActionResult<TaskDetail>> {
  const ctx = await requireContext();
  return attempt(async () => {
    const task = await getTask({ ctx, ref });
    const [comments, activity, dependencies, watchers, subtasks] = await Promise.all([
      listComments({ ctx, ref: task.id, page: { limit: 100 } }),
      getActivity({ ctx, ref: task.id, page: { limit: 100 } }),
      getDependencies({ ctx, ref: task.id }),
      listWatchers({ ctx, ref: task.id, page: { limit: 100 } }),
      listProjectTasks({ ctx, projectId: task.projectId, query: { parentId: task.id, limit: 100 } }),
    ]);
    return { task, comments: comments.data, activity: activity.data, dependencies, watchers: watchers.data, subtasks: subtasks.data };
  });
}

export async function addCommentAction(ref: string, body: string): Promise<ActionResult<Comment>> {
  const ctx = await requireContext();
  return attempt(() => createComment({ ctx, ref, input: { body } }));
}

export async function addDependencyAction(ref: string, blockedBy: string): Promise<ActionResult<Dependencies>> {
  const ctx = await requireContext();
  return attempt(async () => {
    await addDependency({ ctx, ref, input: { blockedBy } });
    return getDependencies({ ctx, ref });
  });
}

export async function removeDependencyAction(ref: string, other: string): Promise<ActionResult<Dependencies>> {
  const ctx = await requireContext();
  return attempt(async () => {
    await removeDependency({ ctx, ref, other });
    return getDependencies({ ctx, ref });
  });
}

export async function setWatchingAction(ref: string, watching: boolean): Promise<ActionResult<Watcher[]>> {
  const ctx = await requireContext();
  return attempt(async () => {
    await (watching ? watchTask({ ctx, ref }) : unwatchTask({ ctx, ref }));
    return (await listWatchers({ ctx, ref, page: { limit: 100 } })).data;
  });
}
