import { z } from "zod";

export const Attachment = z
  .object({
    id: z.uuid(),
    taskId: z.uuid(),
    filename: z.string(),
    size: z.number().int(),
    contentType: z.string(),
    uploader: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Attachment" });
export type Attachment = z.infer<typeof Attachment>;

export const UploadForm = z.object({
  file: z.string().meta({ format: "binary", description: "The file (multipart field `file`), up to MAX_UPLOAD_MB" }),
});

/** A display name only: no directories, no control characters, at most 255 characters. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 255);
  return cleaned && cleaned !== "." && cleaned !== ".." ? cleaned : "file";
}

/** The client's declared type when it is a well-formed media type, else octet-stream. */
export function cleanContentType(type: string): string {
  const t = type.split(";")[0]!.trim().toLowerCase();
  return /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(t) ? t : "application/octet-stream";
}
