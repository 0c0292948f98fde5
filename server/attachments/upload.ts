import { randomUUID } from "node:crypto";
import { attachments } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor, requireUserId, withTransaction } from "../transaction";
import { fieldError, ServiceError } from "../errors";
import { settings } from "@/config/settings";
import { storage } from "../storage";
import { recordActivity } from "../tasks/audit";
import { getTaskForActorOrThrow } from "../tasks/internal";
import { toAttachments } from "./internal";
import { assertRoomFor } from "./quota";
import { cleanContentType, cleanFilename, type Attachment } from "./schemas";

/**
 * Stores the bytes, then the row (with an activity entry) in one transaction; if the row fails,
 * the stored object is removed again, so nothing is left half-made.
 */
export async function uploadAttachment(args: {
  ctx: ServiceContext;
  ref: string;
  file: FormDataEntryValue | null | undefined;
}): Promise<Attachment> {
  const actorId = requireUserId(args.ctx);
  const file = args.file;
  if (!(file instanceof File)) throw fieldError("file", "attach a file in the multipart field `file`");
  const limitMb = settings().MAX_UPLOAD_MB;
  if (file.size > limitMb * 1024 * 1024) throw new ServiceError("PAYLOAD_TOO_LARGE", `The file exceeds ${limitMb} MB`);
  // Access first: a stranger never gets bytes written.
  await getTaskForActorOrThrow({ db: await dbFor(args.ctx), ctx: args.ctx, ref: args.ref, action: "project.write" });

  const id = randomUUID();
  const filename = cleanFilename(file.name);
  const contentType = cleanContentType(file.type);
  const bytes = new Uint8Array(await file.arrayBuffer());
  let key: string | undefined;
  try {
    return await withTransaction(args.ctx, async (tx) => {
      const { task, project } = await getTaskForActorOrThrow({ db: tx, ctx: args.ctx, ref: args.ref, action: "project.write" });
      await assertRoomFor(tx, task.id, bytes.byteLength);
      key = `attachments/${task.id}/${id}`;
      await storage().put(key, bytes, contentType);
      const [row] = await tx
        .insert(attachments)
        .values({
          id,
          taskId: task.id,
          uploaderId: actorId,
          filename,
          contentType,
          size: bytes.byteLength,
          storageKey: key,
          createdAt: args.ctx.now,
        })
        .returning();
      await recordActivity(tx, {
        taskId: task.id,
        projectId: project.id,
        actorId,
        at: args.ctx.now,
        type: "updated",
        changes: [{ field: "attachments", from: null, to: { id, filename } }],
      });
      return (await toAttachments(tx, [row!]))[0]!;
    });
  } catch (error) {
    if (key)
      await storage()
        .delete(key)
        .catch(() => undefined);
    throw error;
  }
}
