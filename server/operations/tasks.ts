import { z } from "zod";
import { defineOperation } from "./define";
import { Comment, CreateCommentInput, UpdateCommentInput } from "../comments/schemas";
import { ActivityEntry, AddDependencyInput, CreateTaskInput, Dependencies, TaskRefQuery, UpdateTaskInput, Watcher } from "../tasks/schemas";
import { Task } from "../tasks/schemas";
import { Id, pageOf, PageParams } from "./common";
import { TrashedTask } from "../tasks/list-trash";
import { SeriesScopeQuery } from "../recurrence/schemas";

const tag = "Tasks";
const write = [400, 401, 403, 404, 409, 415, 422];
const TaskParam = z.object({
  idOrKey: z.string().min(1).max(100).describe("A task id, or its key such as ENG-42 (resolved among the projects you can see)"),
});
const OtherParam = TaskParam.extend({ otherIdOrKey: z.string().min(1).max(100).describe("The blocking task's id or key") });
const CommentParam = z.object({ commentId: Id });
const PagedRefQuery = PageParams.extend(TaskRefQuery.shape);

export const createTaskOp = defineOperation({
  method: "POST",
  path: "/api/v1/projects/{projectId}/tasks",
  tag,
  auth: "required",
  summary: "Create a task at the end of its status column (default: the project's default status); you are its reporter",
  params: z.object({ projectId: Id }),
  body: CreateTaskInput,
  response: Task,
  status: 201,
  idempotent: true,
  versioned: true,
  errors: write,
});
export const getTaskOp = defineOperation({
  method: "GET",
  path: "/api/v1/tasks/{idOrKey}",
  tag,
  auth: "required",
  summary: "A task by id or key",
  params: TaskParam,
  query: TaskRefQuery,
  response: Task,
  status: 200,
  versioned: true,
  errors: [401, 404, 422],
});
export const updateTaskOp = defineOperation({
  method: "PATCH",
  path: "/api/v1/tasks/{idOrKey}",
  tag,
  auth: "required",
  summary:
    "Change fields of a task; one activity entry per changed field; If-Match with a stale version → 412. For a recurring task, ?scope=future also changes the series and its later occurrences (see scope)",
  params: TaskParam,
  query: TaskRefQuery.extend(SeriesScopeQuery.shape),
  body: UpdateTaskInput,
  response: Task,
  status: 200,
  versioned: true,
  errors: [...write, 412],
});
export const deleteTaskOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/tasks/{idOrKey}",
  tag,
  auth: "required",
  summary:
    "Delete a task: it moves to the project's trash (gone from every read, 404 on GET), restorable for 30 days by a project admin or the person who deleted it, then purged (its subtasks then lose their parent)",
  params: TaskParam,
  query: TaskRefQuery,
  status: 204,
  versioned: true,
  errors: [401, 403, 404, 409, 412, 422],
});
export const restoreTaskOp = defineOperation({
  method: "POST",
  path: "/api/v1/tasks/{idOrKey}/restore",
  tag,
  auth: "required",
  summary:
    "Restore a deleted task from the trash exactly as it was (status, position, fields, links): project admins, or the member who deleted it (403 otherwise); 404 for an unknown or purged task, 409 when it is not deleted; If-Match with a stale version → 412",
  params: TaskParam,
  query: TaskRefQuery,
  response: Task,
  status: 200,
  versioned: true,
  errors: [401, 403, 404, 409, 412, 422],
});
export const listTrashOp = defineOperation({
  method: "GET",
  path: "/api/v1/projects/{projectId}/trash",
  tag,
  auth: "required",
  summary:
    "The project's deleted tasks, newest deletion first, each with deletedAt, deletedBy and purgeAfter (project admins; 403 otherwise)",
  params: z.object({ projectId: Id }),
  query: PageParams,
  response: pageOf(TrashedTask, "TrashPage"),
  status: 200,
  errors: [400, 401, 403, 404, 422],
});

export const getDependenciesOp = defineOperation({
  method: "GET",
  path: "/api/v1/tasks/{idOrKey}/dependencies",
  tag,
  auth: "required",
  summary: "The tasks this task is blocked by, and those it blocks",
  params: TaskParam,
  query: TaskRefQuery,
  response: Dependencies,
  status: 200,
  errors: [401, 404, 422],
});
export const addDependencyOp = defineOperation({
  method: "POST",
  path: "/api/v1/tasks/{idOrKey}/dependencies",
  tag,
  auth: "required",
  summary: "Mark the task as blocked by another task of the same project; a cycle → 422; answers with the task's dependencies",
  params: TaskParam,
  query: TaskRefQuery,
  body: AddDependencyInput,
  response: Dependencies,
  status: 201,
  idempotent: true,
  errors: write,
});
export const removeDependencyOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/tasks/{idOrKey}/dependencies/{otherIdOrKey}",
  tag,
  auth: "required",
  summary: "The task is no longer blocked by the other task",
  params: OtherParam,
  query: TaskRefQuery,
  status: 204,
  errors: [401, 403, 404, 409, 422],
});

export const listWatchersOp = defineOperation({
  method: "GET",
  path: "/api/v1/tasks/{idOrKey}/watchers",
  tag,
  auth: "required",
  summary: "Who watches the task, by name",
  params: TaskParam,
  query: PagedRefQuery,
  response: pageOf(Watcher, "WatcherPage"),
  status: 200,
  errors: [400, 401, 404, 422],
});
export const watchTaskOp = defineOperation({
  method: "POST",
  path: "/api/v1/tasks/{idOrKey}/watchers",
  tag,
  auth: "required",
  summary: "Watch the task yourself (idempotent; viewers too)",
  params: TaskParam,
  query: TaskRefQuery,
  status: 204,
  errors: [401, 404, 422],
});
export const unwatchTaskOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/tasks/{idOrKey}/watchers",
  tag,
  auth: "required",
  summary: "Stop watching the task (idempotent)",
  params: TaskParam,
  query: TaskRefQuery,
  status: 204,
  errors: [401, 404, 422],
});

export const getActivityOp = defineOperation({
  method: "GET",
  path: "/api/v1/tasks/{idOrKey}/activity",
  tag,
  auth: "required",
  summary: "The task's audit trail, oldest first: created, then one entry per changed field with from and to",
  params: TaskParam,
  query: PagedRefQuery,
  response: pageOf(ActivityEntry, "ActivityPage"),
  status: 200,
  errors: [400, 401, 404, 422],
});

export const listCommentsOp = defineOperation({
  method: "GET",
  path: "/api/v1/tasks/{idOrKey}/comments",
  tag: "Comments",
  auth: "required",
  summary: "The task's comments, oldest first",
  params: TaskParam,
  query: PagedRefQuery,
  response: pageOf(Comment, "CommentPage"),
  status: 200,
  errors: [400, 401, 404, 422],
});
export const createCommentOp = defineOperation({
  method: "POST",
  path: "/api/v1/tasks/{idOrKey}/comments",
  tag: "Comments",
  auth: "required",
  summary: "Comment in markdown; @handle mentions notify; you start watching the task",
  params: TaskParam,
  query: TaskRefQuery,
  body: CreateCommentInput,
  response: Comment,
  status: 201,
  idempotent: true,
  versioned: true,
  errors: write,
});
export const updateCommentOp = defineOperation({
  method: "PATCH",
  path: "/api/v1/comments/{commentId}",
  tag: "Comments",
  auth: "required",
  summary: "Edit your comment; If-Match with a stale version → 412",
  params: CommentParam,
  body: UpdateCommentInput,
  response: Comment,
  status: 200,
  versioned: true,
  errors: [...write, 412],
});
export const deleteCommentOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/comments/{commentId}",
  tag: "Comments",
  auth: "required",
  summary: "Delete a comment (its author or a project admin)",
  params: CommentParam,
  status: 204,
  versioned: true,
  errors: [401, 403, 404, 409, 412],
});
