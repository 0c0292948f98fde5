import { z } from "zod";
import { defineOperation } from "./define";
import { CreateViewInput, SavedView, UpdateViewInput } from "../views/schemas";
import { Id, pageOf, PageParams } from "./common";

const tag = "Saved views";
const ProjectParam = z.object({ projectId: Id });
const ViewParam = ProjectParam.extend({ viewId: Id });

export const listViewsOp = defineOperation({
  method: "GET",
  path: "/api/v1/projects/{projectId}/views",
  tag,
  auth: "required",
  summary: "The project's shared views and your private ones",
  params: ProjectParam,
  query: PageParams,
  response: pageOf(SavedView, "SavedViewPage"),
  status: 200,
  errors: [400, 401, 404, 422],
});
export const createViewOp = defineOperation({
  method: "POST",
  path: "/api/v1/projects/{projectId}/views",
  tag,
  auth: "required",
  summary: "Save a view: filters (the list endpoint's query keys), sort, grouping; private unless shared (sharing takes a project member)",
  params: ProjectParam,
  body: CreateViewInput,
  response: SavedView,
  status: 201,
  idempotent: true,
  versioned: true,
  errors: [400, 401, 403, 404, 409, 415, 422],
});
export const getViewOp = defineOperation({
  method: "GET",
  path: "/api/v1/projects/{projectId}/views/{viewId}",
  tag,
  auth: "required",
  summary: "A saved view",
  params: ViewParam,
  response: SavedView,
  status: 200,
  versioned: true,
  errors: [401, 404],
});
export const updateViewOp = defineOperation({
  method: "PATCH",
  path: "/api/v1/projects/{projectId}/views/{viewId}",
  tag,
  auth: "required",
  summary: "Change a view (its owner, or a project admin for a shared view)",
  params: ViewParam,
  body: UpdateViewInput,
  response: SavedView,
  status: 200,
  versioned: true,
  errors: [400, 401, 403, 404, 409, 412, 415, 422],
});
export const deleteViewOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/projects/{projectId}/views/{viewId}",
  tag,
  auth: "required",
  summary: "Delete a view (its owner, or a project admin for a shared view)",
  params: ViewParam,
  status: 204,
  errors: [401, 403, 404, 409],
});
