import { z } from "zod";
import { defineOperation } from "./define";
import { Recurrence, SetRecurrenceInput } from "../recurrence/schemas";
import { TaskRefQuery } from "../tasks/schemas";

const tag = "Recurring tasks";
const TaskParam = z.object({
  idOrKey: z.string().min(1).max(100).describe("A task id, or its key such as ENG-42 (resolved among the projects you can see)"),
});

export const getRecurrenceOp = defineOperation({
  method: "GET",
  path: "/api/v1/tasks/{idOrKey}/recurrence",
  tag,
  auth: "required",
  summary: "How the task repeats: its series' rule, trigger, this occurrence and the next three dates (404 when it does not repeat)",
  params: TaskParam,
  query: TaskRefQuery,
  response: Recurrence,
  status: 200,
  versioned: true,
  errors: [401, 404, 422],
});
export const setRecurrenceOp = defineOperation({
  method: "PUT",
  path: "/api/v1/tasks/{idOrKey}/recurrence",
  tag,
  auth: "required",
  summary:
    "Make the task repeat on an RFC 5545 rule, or change its series' rule from this occurrence on (project members; a bad rule → 422 naming `rule`). The task's date (due, else start, else today) is the first occurrence; the next is created with the same title, description, assignees, labels, priority and estimate, the project's default status and dates moved to its occurrence: when this one is completed (trigger on_complete), or on its date (on_schedule). ETag/If-Match: the series' version",
  params: TaskParam,
  query: TaskRefQuery,
  body: SetRecurrenceInput,
  response: Recurrence,
  status: 200,
  versioned: true,
  errors: [400, 401, 403, 404, 409, 412, 415, 422],
});
export const removeRecurrenceOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/tasks/{idOrKey}/recurrence",
  tag,
  auth: "required",
  summary: "Stop the series: no further occurrence is created and its tasks stay as they are, no longer recurring (project members)",
  params: TaskParam,
  query: TaskRefQuery,
  status: 204,
  versioned: true,
  errors: [401, 403, 404, 409, 412, 422],
});
