import { z } from "zod";
import { defineOperation } from "./define";
import {
  AddProjectMemberInput,
  CreateLabelInput,
  CreateProjectInput,
  CreateStatusInput,
  Label,
  Project,
  ProjectMember,
  RemoveStatusQuery,
  Status,
  UpdateLabelInput,
  UpdateProjectInput,
  UpdateProjectMemberInput,
  UpdateStatusInput,
} from "../projects/schemas";
import { ListProjectsQuery } from "../projects/list";
import { Id, pageOf, PageParams } from "./common";

const tag = "Projects";
const SlugParam = z.object({ slug: z.string().min(1).max(100) });
const ProjectParam = z.object({ projectId: Id });
const MemberParam = ProjectParam.extend({ userId: Id });
const StatusParam = ProjectParam.extend({ statusId: Id });
const LabelParam = ProjectParam.extend({ labelId: Id });
const write = [400, 401, 403, 404, 409, 415, 422];

export const createProjectOp = defineOperation({
  method: "POST",
  path: "/api/v1/workspaces/{slug}/projects",
  tag,
  auth: "required",
  summary: "Create a project with the default workflow; you become its admin (workspace members and up)",
  params: SlugParam,
  body: CreateProjectInput,
  response: Project,
  status: 201,
  idempotent: true,
  versioned: true,
  errors: write,
});
export const listProjectsOp = defineOperation({
  method: "GET",
  path: "/api/v1/workspaces/{slug}/projects",
  tag,
  auth: "required",
  summary: "The workspace's projects you can see, by name; archived ones only with archived=true",
  params: SlugParam,
  query: ListProjectsQuery,
  response: pageOf(Project, "ProjectPage"),
  status: 200,
  errors: [400, 401, 404, 422],
});
export const getProjectOp = defineOperation({
  method: "GET",
  path: "/api/v1/projects/{projectId}",
  tag,
  auth: "required",
  summary: "A project (archived ones too, with archivedAt)",
  params: ProjectParam,
  response: Project,
  status: 200,
  versioned: true,
  errors: [401, 404],
});
export const updateProjectOp = defineOperation({
  method: "PATCH",
  path: "/api/v1/projects/{projectId}",
  tag,
  auth: "required",
  summary: "Change a project's settings (project admins); changing the key renames every task key",
  params: ProjectParam,
  body: UpdateProjectInput,
  response: Project,
  status: 200,
  versioned: true,
  errors: [...write, 412],
});
export const archiveProjectOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/projects/{projectId}",
  tag,
  auth: "required",
  summary: "Archive a project (project admins): it leaves the list and refuses writes until restored",
  params: ProjectParam,
  status: 204,
  errors: [400, 401, 403, 404, 412],
});
export const restoreProjectOp = defineOperation({
  method: "POST",
  path: "/api/v1/projects/{projectId}/restore",
  tag,
  auth: "required",
  summary: "Restore an archived project (project admins)",
  params: ProjectParam,
  response: Project,
  status: 200,
  versioned: true,
  errors: [400, 401, 403, 404, 412],
});

export const listProjectMembersOp = defineOperation({
  method: "GET",
  path: "/api/v1/projects/{projectId}/members",
  tag,
  auth: "required",
  summary: "The project's members (workspace owners and admins administer every project without being listed)",
  params: ProjectParam,
  query: PageParams,
  response: pageOf(ProjectMember, "ProjectMemberPage"),
  status: 200,
  errors: [400, 401, 404, 422],
});
export const addProjectMemberOp = defineOperation({
  method: "POST",
  path: "/api/v1/projects/{projectId}/members",
  tag,
  auth: "required",
  summary: "Add a workspace member (guests included) to the project (project admins)",
  params: ProjectParam,
  body: AddProjectMemberInput,
  response: ProjectMember,
  status: 201,
  idempotent: true,
  errors: write,
});
export const updateProjectMemberOp = defineOperation({
  method: "PATCH",
  path: "/api/v1/projects/{projectId}/members/{userId}",
  tag,
  auth: "required",
  summary: "Change a member's project role (project admins)",
  params: MemberParam,
  body: UpdateProjectMemberInput,
  response: ProjectMember,
  status: 200,
  errors: write,
});
export const removeProjectMemberOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/projects/{projectId}/members/{userId}",
  tag,
  auth: "required",
  summary: "Remove a member (project admins), or leave the project yourself",
  params: MemberParam,
  status: 204,
  errors: [401, 403, 404, 409],
});

export const listStatusesOp = defineOperation({
  method: "GET",
  path: "/api/v1/projects/{projectId}/statuses",
  tag,
  auth: "required",
  summary: "The project's statuses in board order",
  params: ProjectParam,
  query: PageParams,
  response: pageOf(Status, "StatusPage"),
  status: 200,
  errors: [400, 401, 404, 422],
});
export const createStatusOp = defineOperation({
  method: "POST",
  path: "/api/v1/projects/{projectId}/statuses",
  tag,
  auth: "required",
  summary: "Add a status at the end of the workflow (project admins)",
  params: ProjectParam,
  body: CreateStatusInput,
  response: Status,
  status: 201,
  idempotent: true,
  errors: write,
});
export const updateStatusOp = defineOperation({
  method: "PATCH",
  path: "/api/v1/projects/{projectId}/statuses/{statusId}",
  tag,
  auth: "required",
  summary: "Rename, recolour, set the WIP limit, move (after/before another status) or make default (project admins)",
  params: StatusParam,
  body: UpdateStatusInput,
  response: Status,
  status: 200,
  errors: write,
});
export const removeStatusOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/projects/{projectId}/statuses/{statusId}",
  tag,
  auth: "required",
  summary: "Delete a status (project admins); its tasks move to moveTo, required while it holds any; the last status stays (409)",
  params: StatusParam,
  query: RemoveStatusQuery,
  status: 204,
  errors: [401, 403, 404, 409, 422],
});

export const listLabelsOp = defineOperation({
  method: "GET",
  path: "/api/v1/projects/{projectId}/labels",
  tag,
  auth: "required",
  summary: "The project's labels by name",
  params: ProjectParam,
  query: PageParams,
  response: pageOf(Label, "LabelPage"),
  status: 200,
  errors: [400, 401, 404, 422],
});
export const createLabelOp = defineOperation({
  method: "POST",
  path: "/api/v1/projects/{projectId}/labels",
  tag,
  auth: "required",
  summary: "Create a label (project members); names are unique case-insensitively",
  params: ProjectParam,
  body: CreateLabelInput,
  response: Label,
  status: 201,
  idempotent: true,
  errors: write,
});
export const updateLabelOp = defineOperation({
  method: "PATCH",
  path: "/api/v1/projects/{projectId}/labels/{labelId}",
  tag,
  auth: "required",
  summary: "Rename or recolour a label (project members)",
  params: LabelParam,
  body: UpdateLabelInput,
  response: Label,
  status: 200,
  errors: write,
});
export const removeLabelOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/projects/{projectId}/labels/{labelId}",
  tag,
  auth: "required",
  summary: "Delete a label, taking it off every task (project members)",
  params: LabelParam,
  status: 204,
  errors: [401, 403, 404, 409],
});
