import { z } from "zod";
import { defineOperation } from "./define";
import { CreateFieldInput, CustomField, UpdateFieldInput } from "../custom-fields/schemas";
import { Id, pageOf, PageParams } from "./common";

const tag = "Custom fields";
const ProjectParam = z.object({ projectId: Id });
const FieldParam = z.object({ fieldId: Id });

export const listFieldsOp = defineOperation({
  method: "GET",
  path: "/api/v1/projects/{projectId}/fields",
  tag,
  auth: "required",
  summary: "The project's custom fields in their order (anyone who can see the project)",
  params: ProjectParam,
  query: PageParams,
  response: pageOf(CustomField, "CustomFieldPage"),
  status: 200,
  errors: [400, 401, 404, 422],
});
export const createFieldOp = defineOperation({
  method: "POST",
  path: "/api/v1/projects/{projectId}/fields",
  tag,
  auth: "required",
  summary:
    "Add a custom field (project admins): text, number, single_select, multi_select, date, person, checkbox or url; select fields take options with colours; a name is unique in the project (409)",
  params: ProjectParam,
  body: CreateFieldInput,
  response: CustomField,
  status: 201,
  idempotent: true,
  versioned: true,
  errors: [400, 401, 403, 404, 409, 415, 422],
});
export const getFieldOp = defineOperation({
  method: "GET",
  path: "/api/v1/fields/{fieldId}",
  tag,
  auth: "required",
  summary: "A custom field",
  params: FieldParam,
  response: CustomField,
  status: 200,
  versioned: true,
  errors: [401, 404],
});
export const updateFieldOp = defineOperation({
  method: "PATCH",
  path: "/api/v1/fields/{fieldId}",
  tag,
  auth: "required",
  summary:
    "Change a custom field (project admins). A new type or option list converts the values that fit; values that do not fit refuse the change with 422 naming how many tasks block it, unless clearInvalid is true (then they are cleared, recorded in each task's activity). If-Match with a stale version → 412",
  params: FieldParam,
  body: UpdateFieldInput,
  response: CustomField,
  status: 200,
  versioned: true,
  errors: [400, 401, 403, 404, 409, 412, 415, 422],
});
export const deleteFieldOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/fields/{fieldId}",
  tag,
  auth: "required",
  summary: "Delete a custom field and its values on every task (project admins); If-Match with a stale version → 412",
  params: FieldParam,
  status: 204,
  versioned: true,
  errors: [401, 403, 404, 409, 412],
});
