import { listAttachmentsOp, uploadAttachmentOp } from "@/server/operations/attachments";
import { listAttachments, uploadAttachment } from "@/server/attachments";
import { route } from "@/server/http/route";

export const GET = route(listAttachmentsOp, ({ ctx, params, query }) => listAttachments({ ctx, ref: params.idOrKey, page: query }));
export const POST = route(uploadAttachmentOp, ({ ctx, params, form }) =>
  uploadAttachment({ ctx, ref: params.idOrKey, file: form?.get("file") }),
);
