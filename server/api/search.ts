import { z } from "zod";
import { defineOperation } from "../http/operation";
import { TaskListQuery } from "../tasks/filters";
import { Task } from "../tasks/schemas";
import { Id, pageOf } from "./common";

const tag = "Tasks";
const TaskPage = pageOf(Task, "TaskPage");

export const listProjectTasksOp = defineOperation({
  method: "GET", path: "/api/v1/projects/{projectId}/tasks", tag, auth: "required",
  summary: "A project's tasks: full-text search, filters (any-of within one, all of them together), every sort keyset-paginated",
  params: z.object({ projectId: Id }), query: TaskListQuery, response: TaskPage, status: 200, errors: [400, 401, 404, 422],
});
export const listWorkspaceTasksOp = defineOperation({
  method: "GET", path: "/api/v1/workspaces/{slug}/tasks", tag, auth: "required",
  summary: "Tasks across every non-archived project of the workspace you can see (assignee=me for your tasks); same filters and sorts",
  params: z.object({ slug: z.string().min(1).max(100) }), query: TaskListQuery, response: TaskPage, status: 200, errors: [400, 401, 404, 422],
});
