export * from "./schemas";
export { uploadAttachment } from "./upload";
export { listAttachments } from "./list";
export { downloadAttachment } from "./download";
export { removeAttachment } from "./remove";
