import { create as contentDisposition } from "content-disposition";
import type { ServiceContext } from "../context";
import { dbFor } from "../transaction";
import { NotFoundError } from "../errors";
import { storage } from "../storage";
import { getAttachmentForActorOrThrow } from "./internal";

/**
 * The bytes, for those who can see the task (404 otherwise). Always served as a download with
 * nosniff and a sandboxing CSP, so an uploaded HTML or SVG file never runs on our origin.
 */
export async function downloadAttachment(args: { ctx: ServiceContext; id: string }): Promise<Response> {
  const db = await dbFor(args.ctx);
  const { row } = await getAttachmentForActorOrThrow({ db, ctx: args.ctx, id: args.id, action: "project.read" });
  const object = await storage().get(row.storageKey);
  if (!object) throw new NotFoundError("Attachment");
  return new Response(object.body, {
    status: 200,
    headers: {
      "content-type": row.contentType,
      "content-length": String(object.size),
      "content-disposition": contentDisposition(row.filename),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, no-store",
    },
  });
}
