import { deleteAttachmentOp, downloadAttachmentOp } from "@/server/operations/attachments";
import { downloadAttachment, removeAttachment } from "@/server/attachments";
import { route } from "@/server/http/route";

export const GET = route(downloadAttachmentOp, ({ ctx, params }) => downloadAttachment({ ctx, id: params.id }));
export const DELETE = route(deleteAttachmentOp, ({ ctx, params }) => removeAttachment({ ctx, id: params.id }));
