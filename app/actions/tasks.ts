"use server";
import { attempt, type ActionResult, serverAction } from "@/app/lib/action";
import { requireContext } from "@/app/lib/session";
import { createComment, type Comment } from "@/server/comments";
import { createLabel, type Label } from "@/server/projects";
import type { Page } from "@/server/pagination";
import {
  addDependency,
  bulkUpdateTasks,
  createTask,
  getDependencies,
  getTaskDetail,
  listWatchers,
  removeDependency,
  listTrash,
  removeTask,
  restoreTask,
  unwatchTask,
  updateTask,
  watchTask,
  type CreateTaskInput,
  type Dependencies,
  type Task,
  type TaskDetail,
  type TrashedTask,
  type UpdateTaskInput,
  type Watcher,
} from "@/server/tasks";
import type { TaskListInput } from "@/server/tasks/filters";
import { listProjectTasks } from "@/server/tasks/list";

// Thin wrappers: the same service verbs as the REST API, refusals mapped to { ok: false, error }.

export const createTaskAction = serverAction(async function createTaskAction(
  projectId: string,
  input: CreateTaskInput,
): Promise<ActionResult<Task>> {
  const ctx = await requireContext();
  return attempt(() => createTask({ ctx, projectId, input }));
});

/** `ifMatch` is the version the client showed: a stale one is refused (PRECONDITION_FAILED) and nothing changes. */
export const updateTaskAction = serverAction(async function updateTaskAction(
  ref: string,
  input: UpdateTaskInput,
  ifMatch?: number,
): Promise<ActionResult<Task>> {
  const ctx = await requireContext();
  return attempt(() => updateTask({ ctx, ref, input, ifMatch }));
});

/** One change to many tasks, all or nothing: a refusal names the task and nothing changes. */
export const bulkUpdateTasksAction = serverAction(async function bulkUpdateTasksAction(
  refs: string[],
  input: UpdateTaskInput,
): Promise<ActionResult<Task[]>> {
  const ctx = await requireContext();
  return attempt(() => bulkUpdateTasks({ ctx, input: { updates: refs.map((ref) => ({ ref, input })) } }));
});

/**
 * Per-task changes in one transaction, applied in order, each guarded by the version the client showed: bulk edits,
 * their undo, and the board moving its selection (each card placed after the one before it).
 */
export const applyTaskUpdatesAction = serverAction(async function applyTaskUpdatesAction(
  updates: { ref: string; input: UpdateTaskInput; ifMatch?: number }[],
): Promise<ActionResult<Task[]>> {
  const ctx = await requireContext();
  return attempt(() => bulkUpdateTasks({ ctx, input: { updates } }));
});

/** "Create label …" in the labels picker: members create labels as they label tasks. */
export const createLabelInlineAction = serverAction(async function createLabelInlineAction(
  projectId: string,
  name: string,
): Promise<ActionResult<Label>> {
  const ctx = await requireContext();
  return attempt(() => createLabel({ ctx, projectId, input: { name } }));
});

/** A page of the task list (the board's "load more" in a column, the list's next page). */
export const listTasksAction = serverAction(async function listTasksAction(
  projectId: string,
  query: TaskListInput,
): Promise<ActionResult<Page<Task>>> {
  const ctx = await requireContext();
  return attempt(() => listProjectTasks({ ctx, projectId, query }));
});

/** Moves the task to the trash; the answer's version is what "Undo" passes to restoreTaskAction. */
export const removeTaskAction = serverAction(async function removeTaskAction(
  ref: string,
  ifMatch?: number,
): Promise<ActionResult<{ version: number }>> {
  const ctx = await requireContext();
  return attempt(() => removeTask({ ctx, ref, ifMatch }));
});

/** Back from the trash (undo of a delete, or the project's Trash): project admins or the deleter. */
export const restoreTaskAction = serverAction(async function restoreTaskAction(ref: string, ifMatch?: number): Promise<ActionResult<Task>> {
  const ctx = await requireContext();
  return attempt(() => restoreTask({ ctx, ref, ifMatch }));
});

export const listTrashAction = serverAction(async function listTrashAction(
  projectId: string,
  cursor?: string,
): Promise<ActionResult<Page<TrashedTask>>> {
  const ctx = await requireContext();
  return attempt(() => listTrash({ ctx, projectId, page: { limit: 50, cursor } }));
});

/** Everything the task page and the drawer show; `workspace` narrows a key that exists in several workspaces. */
export const loadTaskDetailAction = serverAction(async function loadTaskDetailAction(
  ref: string,
  workspace?: string,
): Promise<ActionResult<TaskDetail>> {
  const ctx = await requireContext();
  return attempt(() => getTaskDetail({ ctx, ref: { idOrKey: ref, workspace } }));
});

export const addCommentAction = serverAction(async function addCommentAction(ref: string, body: string): Promise<ActionResult<Comment>> {
  const ctx = await requireContext();
  return attempt(() => createComment({ ctx, ref, input: { body } }));
});

export const addDependencyAction = serverAction(async function addDependencyAction(
  ref: string,
  blockedBy: string,
): Promise<ActionResult<Dependencies>> {
  const ctx = await requireContext();
  return attempt(async () => {
    await addDependency({ ctx, ref, input: { blockedBy } });
    return getDependencies({ ctx, ref });
  });
});

export const removeDependencyAction = serverAction(async function removeDependencyAction(
  ref: string,
  other: string,
): Promise<ActionResult<Dependencies>> {
  const ctx = await requireContext();
  return attempt(async () => {
    await removeDependency({ ctx, ref, other });
    return getDependencies({ ctx, ref });
  });
});

export const setWatchingAction = serverAction(async function setWatchingAction(
  ref: string,
  watching: boolean,
): Promise<ActionResult<Watcher[]>> {
  const ctx = await requireContext();
  return attempt(async () => {
    await (watching ? watchTask({ ctx, ref }) : unwatchTask({ ctx, ref }));
    return (await listWatchers({ ctx, ref, page: { limit: 100 } })).data;
  });
});
