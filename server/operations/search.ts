import { z } from "zod";
import { defineOperation } from "./define";
import { TaskListQuery } from "../tasks/filters";
import { Task } from "../tasks/schemas";
import { Id, pageOf } from "./common";

const tag = "Tasks";
const TaskPage = pageOf(Task, "TaskPage");

export const listProjectTasksOp = defineOperation({
  method: "GET",
  path: "/api/v1/projects/{projectId}/tasks",
  tag,
  auth: "required",
  summary: "A project's tasks: full-text search, filters (any-of within one, all of them together), every sort keyset-paginated",
  params: z.object({ projectId: Id }),
  query: TaskListQuery,
  response: TaskPage,
  status: 200,
  errors: [400, 401, 404, 422],
});
export const listWorkspaceTasksOp = defineOperation({
  method: "GET",
  path: "/api/v1/workspaces/{slug}/tasks",
  tag,
  auth: "required",
  summary: "Tasks across every non-archived project of the workspace you can see (assignee=me for your tasks); same filters and sorts",
  params: z.object({ slug: z.string().min(1).max(100) }),
  query: TaskListQuery,
  response: TaskPage,
  status: 200,
  errors: [400, 401, 404, 422],
});

const ImportRowError = z.object({
  row: z.number().int().describe("1-based data row (0 = the header)"),
  path: z.string().describe("The CSV column"),
  message: z.string(),
});
export const ImportReport = z
  .object({
    dryRun: z.boolean(),
    rows: z.number().int(),
    created: z.number().int(),
    valid: z.number().int().describe("Rows that would be (or were) created"),
    errors: z.array(ImportRowError),
    keys: z.array(z.string()).describe("Keys of the created tasks"),
  })
  .meta({ id: "TaskImportReport" });

export const exportTasksCsvOp = defineOperation({
  method: "GET",
  path: "/api/v1/projects/{projectId}/tasks/export.csv",
  tag,
  auth: "required",
  summary:
    "Every task of the project as CSV: key,title,description,status,priority,assignees (emails, ;-separated),labels (;-separated),dueDate,startDate,estimate,parent, then one cf:<field name> column per custom field (option names ;-separated, a person's email)",
  params: z.object({ projectId: Id }),
  produces: "text/csv",
  status: 200,
  errors: [401, 404],
});
export const importTasksCsvOp = defineOperation({
  method: "POST",
  path: "/api/v1/projects/{projectId}/tasks/import",
  tag,
  auth: "required",
  summary:
    "Import tasks from a text/csv body in the export's format, in one transaction. dryRun=true reports row errors and creates nothing; a real import with any invalid row answers 422 with the same report and creates nothing",
  params: z.object({ projectId: Id }),
  query: z.object({
    dryRun: z
      .enum(["true", "false", "1", "0"])
      .optional()
      .transform((v) => v === "true" || v === "1"),
  }),
  response: ImportReport,
  status: 201,
  alternatives: [{ status: 200, description: "Dry run: the report, nothing created", schema: ImportReport }],
  errors: [401, 403, 404, 409, 413, 415, 422],
});
