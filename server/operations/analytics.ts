import { z } from "zod";
import { defineOperation } from "./define";
import { AnalyticsQuery, CsvQuery, ProjectAnalytics, WorkspaceAnalytics, WorkspaceCsvQuery } from "../analytics/schemas";
import { Id } from "./common";

const tag = "Analytics";
const ProjectParam = z.object({ projectId: Id });
const SlugParam = z.object({ slug: z.string().min(1).max(100) });

export const projectAnalyticsOp = defineOperation({
  method: "GET",
  path: "/api/v1/projects/{projectId}/analytics",
  tag,
  auth: "required",
  summary:
    "Flow metrics of a project: open-task counts now; throughput, cumulative flow, cycle and lead time over the range (default the last 12 weeks, at most 2 years)",
  params: ProjectParam,
  query: AnalyticsQuery,
  response: ProjectAnalytics,
  status: 200,
  errors: [401, 404, 422],
});
export const projectAnalyticsCsvOp = defineOperation({
  method: "GET",
  path: "/api/v1/projects/{projectId}/analytics/export",
  tag,
  auth: "required",
  summary: "One table or series of a project's analytics as CSV (`table` names it)",
  params: ProjectParam,
  query: CsvQuery,
  status: 200,
  produces: "text/csv",
  errors: [401, 404, 422],
});
export const workspaceAnalyticsOp = defineOperation({
  method: "GET",
  path: "/api/v1/workspaces/{slug}/analytics",
  tag,
  auth: "required",
  summary: "The headline figures across the workspace's projects you can see, with one row per project",
  params: SlugParam,
  query: AnalyticsQuery,
  response: WorkspaceAnalytics,
  status: 200,
  errors: [401, 404, 422],
});
export const workspaceAnalyticsCsvOp = defineOperation({
  method: "GET",
  path: "/api/v1/workspaces/{slug}/analytics/export",
  tag,
  auth: "required",
  summary: "One table or series of the workspace overview as CSV (`table` names it)",
  params: SlugParam,
  query: WorkspaceCsvQuery,
  status: 200,
  produces: "text/csv",
  errors: [401, 404, 422],
});
