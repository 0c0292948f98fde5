import { eq } from "drizzle-orm";
import { attachments } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { ConflictError, ForbiddenError } from "../errors";
import { logger } from "@/config/log";
import { storage } from "../storage";
import { recordActivity } from "../tasks/audit";
import { getAttachmentForActorOrThrow } from "./internal";

/** The uploader or a project admin; the bytes go once the row's removal has committed. */
export async function removeAttachment(args: { ctx: ServiceContext; id: string }): Promise<void> {
  const actorId = requireUserId(args.ctx);
  const key = await withTransaction(args.ctx, async (tx) => {
    const { row, access } = await getAttachmentForActorOrThrow({ db: tx, ctx: args.ctx, id: args.id, action: "project.read" });
    if (row.uploaderId !== actorId && access.role !== "admin")
      throw new ForbiddenError("Only the uploader or a project admin may delete an attachment");
    if (access.project.archivedAt) throw new ConflictError("The project is archived; restore it before changing it");
    await tx.delete(attachments).where(eq(attachments.id, row.id));
    await recordActivity(tx, {
      taskId: row.taskId,
      projectId: access.project.id,
      actorId,
      at: args.ctx.now,
      type: "updated",
      changes: [{ field: "attachments", from: { id: row.id, filename: row.filename }, to: null }],
    });
    return row.storageKey;
  });
  // An orphaned object is harmless (unreachable without its row); log it for cleanup.
  await storage()
    .delete(key)
    .catch((error: unknown) => logger().warn({ err: error, key }, "attachment object not deleted"));
}
