import { z } from "zod";
import { defineOperation } from "./define";
import { Cycle, CycleListQuery, CycleReport, CreateCycleInput, UpdateCycleInput, UpdateCycleSettingsInput } from "../cycles/schemas";
import { Project } from "../projects/schemas";
import { Id, pageOf, PageParams } from "./common";

const tag = "Cycles";
const ProjectParam = z.object({ projectId: Id });
const CycleParam = z.object({ cycleId: Id });
const write = [400, 401, 403, 404, 409, 415, 422];

export const listCyclesOp = defineOperation({
  method: "GET",
  path: "/api/v1/projects/{projectId}/cycles",
  tag,
  auth: "required",
  summary: "A project's cycles (sprints), earliest first, with their state and task counts (anyone who can see the project)",
  params: ProjectParam,
  query: CycleListQuery.extend(PageParams.shape),
  response: pageOf(Cycle, "CyclePage"),
  status: 200,
  errors: [400, 401, 404, 422],
});
export const createCycleOp = defineOperation({
  method: "POST",
  path: "/api/v1/projects/{projectId}/cycles",
  tag,
  auth: "required",
  summary:
    "Create a cycle by hand (project members): whole days startDate..endDate in the project's time zone, never overlapping another (422)",
  params: ProjectParam,
  body: CreateCycleInput,
  response: Cycle,
  status: 201,
  versioned: true,
  errors: write,
});
export const updateCycleSettingsOp = defineOperation({
  method: "PATCH",
  path: "/api/v1/projects/{projectId}/cycle-settings",
  tag,
  auth: "required",
  summary:
    "Turn cycles on or off and set their length (1–4 weeks), start weekday and carry-over (project admins; If-Match is the project's version). Turning them on creates the current cycle and the next two at once; the scheduler keeps them ahead",
  params: ProjectParam,
  body: UpdateCycleSettingsInput,
  response: Project,
  status: 200,
  versioned: true,
  errors: [...write, 412],
});
export const getCycleOp = defineOperation({
  method: "GET",
  path: "/api/v1/cycles/{cycleId}",
  tag,
  auth: "required",
  summary: "A cycle",
  params: CycleParam,
  response: Cycle,
  status: 200,
  versioned: true,
  errors: [401, 404],
});
export const updateCycleOp = defineOperation({
  method: "PATCH",
  path: "/api/v1/cycles/{cycleId}",
  tag,
  auth: "required",
  summary:
    "Rename a cycle or change its dates (project members); new dates may not overlap another cycle (422); a completed cycle keeps its dates (409)",
  params: CycleParam,
  body: UpdateCycleInput,
  response: Cycle,
  status: 200,
  versioned: true,
  errors: [...write, 412],
});
export const deleteCycleOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/cycles/{cycleId}",
  tag,
  auth: "required",
  summary: "Delete a cycle (project members); its tasks stay, in no cycle (each gets an activity entry and a task.updated event)",
  params: CycleParam,
  status: 204,
  errors: [400, 401, 403, 404, 409, 412],
});
export const completeCycleOp = defineOperation({
  method: "POST",
  path: "/api/v1/cycles/{cycleId}/complete",
  tag,
  auth: "required",
  summary:
    "End a running cycle now (project members): today becomes its last day, its report is frozen and its unfinished tasks move to the next cycle (unless carry-over is off). The scheduler does the same for every cycle whose last day is over",
  params: CycleParam,
  response: Cycle,
  status: 200,
  idempotent: false,
  errors: [401, 403, 404, 409],
});
export const cycleReportOp = defineOperation({
  method: "GET",
  path: "/api/v1/cycles/{cycleId}/report",
  tag,
  auth: "required",
  summary:
    "The cycle's report from the status and cycle history: scope at start, added, removed, completed, carried over, and per day the scope, completed and remaining (burnup / burndown) in points when estimates exist, else tasks. Frozen when the cycle completes",
  params: CycleParam,
  response: CycleReport,
  status: 200,
  errors: [401, 404],
});
