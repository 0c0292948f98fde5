import { z } from "zod";
import { defineOperation } from "../http/operation";
import { CreateProjectInput, Project, Status } from "../projects/schemas";
import { Id, pageOf, PageParams } from "./common";

const tag = "Projects";
const SlugParam = z.object({ slug: z.string().min(1).max(100) });
const ProjectParam = z.object({ projectId: Id });

export const createProjectOp = defineOperation({
  method: "POST", path: "/api/v1/workspaces/{slug}/projects", tag, auth: "required",
  summary: "Create a project with the default workflow; you become its admin (workspace members and up)",
  params: SlugParam, body: CreateProjectInput, response: Project, status: 201, idempotent: true, versioned: true,
  errors: [400, 401, 403, 404, 409, 415, 422],
});
export const getProjectOp = defineOperation({
  method: "GET", path: "/api/v1/projects/{projectId}", tag, auth: "required", summary: "A project (archived ones too, with archivedAt)",
  params: ProjectParam, response: Project, status: 200, versioned: true, errors: [401, 404],
});
export const listStatusesOp = defineOperation({
  method: "GET", path: "/api/v1/projects/{projectId}/statuses", tag, auth: "required", summary: "The project's statuses in board order",
  params: ProjectParam, query: PageParams, response: pageOf(Status, "StatusPage"), status: 200, errors: [400, 401, 404, 422],
});
