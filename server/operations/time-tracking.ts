import { z } from "zod";
import { defineOperation } from "./define";
import { AnalyticsQuery } from "../analytics/schemas";
import { TaskRefQuery } from "../tasks/schemas";
import {
  CreateTimeEntryInput,
  ProjectTimeEntriesQuery,
  StartedTimer,
  TimeEntry,
  TimeReport,
  TimerState,
  UpdateTimeEntryInput,
} from "../time-tracking/schemas";
import { Id, pageOf, PageParams } from "./common";

const tag = "Time tracking";
const write = [400, 401, 403, 404, 409, 415, 422];
const TaskParam = z.object({
  idOrKey: z.string().min(1).max(100).describe("A task id, or its key such as ENG-42 (resolved among the projects you can see)"),
});
const EntryParam = z.object({ entryId: Id });
const ProjectParam = z.object({ projectId: Id });
const TimeEntryPage = pageOf(TimeEntry, "TimeEntryPage");

export const listTaskTimeEntriesOp = defineOperation({
  method: "GET",
  path: "/api/v1/tasks/{idOrKey}/time-entries",
  tag,
  auth: "required",
  summary: "The task's time entries (everyone's, running timers included), newest day first",
  params: TaskParam,
  query: PageParams.extend(TaskRefQuery.shape),
  response: TimeEntryPage,
  status: 200,
  errors: [400, 401, 404, 422],
});
export const createTimeEntryOp = defineOperation({
  method: "POST",
  path: "/api/v1/tasks/{idOrKey}/time-entries",
  tag,
  auth: "required",
  summary: "Log time by hand (1 s – 24 h, on a day, with a note); the entry is yours. Project members only",
  params: TaskParam,
  query: TaskRefQuery,
  body: CreateTimeEntryInput,
  response: TimeEntry,
  status: 201,
  idempotent: true,
  versioned: true,
  errors: write,
});
export const updateTimeEntryOp = defineOperation({
  method: "PATCH",
  path: "/api/v1/time-entries/{entryId}",
  tag,
  auth: "required",
  summary: "Change an entry's duration, day or note (its author or a project admin); a running timer's duration → 409",
  params: EntryParam,
  body: UpdateTimeEntryInput,
  response: TimeEntry,
  status: 200,
  versioned: true,
  errors: [...write, 412],
});
export const deleteTimeEntryOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/time-entries/{entryId}",
  tag,
  auth: "required",
  summary: "Delete an entry (its author or a project admin); deleting a running timer discards it",
  params: EntryParam,
  status: 204,
  versioned: true,
  errors: [401, 403, 404, 409, 412],
});
export const listProjectTimeEntriesOp = defineOperation({
  method: "GET",
  path: "/api/v1/projects/{projectId}/time-entries",
  tag,
  auth: "required",
  summary: "The project's time entries over a range of days (inclusive), optionally one person's; tasks in the trash are left out",
  params: ProjectParam,
  query: PageParams.extend(ProjectTimeEntriesQuery.shape),
  response: TimeEntryPage,
  status: 200,
  errors: [400, 401, 404, 422],
});
export const exportTimeEntriesCsvOp = defineOperation({
  method: "GET",
  path: "/api/v1/projects/{projectId}/time-entries/export.csv",
  tag,
  auth: "required",
  summary: "The same entries as CSV (at most 50 000 rows, newest day first)",
  params: ProjectParam,
  query: ProjectTimeEntriesQuery,
  status: 200,
  produces: "text/csv",
  errors: [401, 404, 422],
});
export const timeReportOp = defineOperation({
  method: "GET",
  path: "/api/v1/projects/{projectId}/time-report",
  tag,
  auth: "required",
  summary: "Time spent per person and per label over a range (the analytics range rules: default the last 12 weeks, at most 2 years)",
  params: ProjectParam,
  query: AnalyticsQuery,
  response: TimeReport,
  status: 200,
  errors: [401, 404, 422],
});
export const startTimerOp = defineOperation({
  method: "POST",
  path: "/api/v1/tasks/{idOrKey}/timer",
  tag,
  auth: "required",
  summary:
    "Start your timer on a task (201). One runs per person: a timer running on another task is stopped in the same transaction and returned as `stopped`; the one already running on this task → 200, unchanged",
  params: TaskParam,
  query: TaskRefQuery,
  response: StartedTimer,
  status: 201,
  alternatives: [{ status: 200, description: "Your timer already runs on this task; nothing changed", schema: StartedTimer }],
  errors: [400, 401, 403, 404, 409, 422],
});
export const getTimerOp = defineOperation({
  method: "GET",
  path: "/api/v1/me/timer",
  tag,
  auth: "required",
  summary: "Your running timer (`running: null` when none)",
  response: TimerState,
  status: 200,
  errors: [401],
});
export const stopTimerOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/me/timer",
  tag,
  auth: "required",
  summary: "Stop your running timer: 200 with the finished entry; 404 when none runs",
  response: TimeEntry,
  status: 200,
  errors: [401, 404],
});
