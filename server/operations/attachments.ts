import { z } from "zod";
import { Attachment, UploadForm } from "../attachments/schemas";
import { defineOperation } from "./define";
import { Id, pageOf, PageParams } from "./common";

const tag = "Attachments";
const TaskParam = z.object({ idOrKey: z.string().min(1).max(100) });
const AttachmentParam = z.object({ id: Id });

export const listAttachmentsOp = defineOperation({
  method: "GET",
  path: "/api/v1/tasks/{idOrKey}/attachments",
  tag,
  auth: "required",
  summary: "A task's attachments, oldest first",
  params: TaskParam,
  query: PageParams,
  response: pageOf(Attachment, "AttachmentPage"),
  status: 200,
  errors: [400, 401, 404, 422],
});
export const uploadAttachmentOp = defineOperation({
  method: "POST",
  path: "/api/v1/tasks/{idOrKey}/attachments",
  tag,
  auth: "required",
  summary:
    "Upload a file (multipart field `file`, up to MAX_UPLOAD_MB; larger → 413 and nothing kept). A task holds at most " +
    "MAX_ATTACHMENTS_PER_TASK files (422 beyond) and MAX_TASK_ATTACHMENTS_MB in all (413 beyond).",
  params: TaskParam,
  body: UploadForm,
  multipart: true,
  response: Attachment,
  status: 201,
  errors: [400, 401, 403, 404, 409, 413, 415, 422],
});
export const downloadAttachmentOp = defineOperation({
  method: "GET",
  path: "/api/v1/attachments/{id}",
  tag,
  auth: "required",
  summary: "The file's bytes, with Content-Type and Content-Disposition (always a download)",
  produces: "application/octet-stream",
  params: AttachmentParam,
  status: 200,
  errors: [401, 404],
});
export const deleteAttachmentOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/attachments/{id}",
  tag,
  auth: "required",
  summary: "Delete an attachment (its uploader or a project admin)",
  params: AttachmentParam,
  status: 204,
  errors: [401, 403, 404, 409],
});
