import { z } from "zod";
import { defineOperation } from "./define";
import { ScheduleQuery, SCHEDULE_MAX_TASKS, SCHEDULE_UNDATED_LIMIT } from "../tasks/schedule";
import { Task } from "../tasks/schemas";
import { Id } from "./common";

export const Schedule = z
  .object({
    from: z.string().describe("The window's first day"),
    to: z.string().describe("The window's last day"),
    tasks: z
      .array(Task)
      .describe(
        `Tasks whose start..due span touches the window (a task with only one of the two dates is a single day), earliest first; at most ${SCHEDULE_MAX_TASKS}`,
      ),
    truncated: z.boolean().describe(`True when more than ${SCHEDULE_MAX_TASKS} tasks touch the window (narrow it or filter)`),
    dependencies: z
      .array(z.object({ taskId: z.uuid(), blockedById: z.uuid() }))
      .describe("'taskId is blocked by blockedById' between tasks of `tasks`"),
    undated: z.array(Task).describe(`Tasks with neither a start nor a due date, in board order; at most ${SCHEDULE_UNDATED_LIMIT}`),
    undatedCount: z.number().int().describe("How many tasks match the filters and have no dates"),
  })
  .meta({ id: "Schedule" });

export const getScheduleOp = defineOperation({
  method: "GET",
  path: "/api/v1/projects/{projectId}/schedule",
  tag: "Tasks",
  auth: "required",
  summary:
    "Tasks by date for a timeline or calendar: every task whose dates touch the window from..to (at most 400 days), the dependencies between them, and the undated tasks; the task list's filters apply",
  params: z.object({ projectId: Id }),
  query: ScheduleQuery,
  response: Schedule,
  status: 200,
  shapedByService: true,
  errors: [401, 404, 422],
});
