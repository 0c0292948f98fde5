import { eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { attachments, users } from "@/db/schema";
import type { ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { getTaskForActorOrThrow, type TaskAccess } from "../tasks/internal";
import type { ProjectAction } from "../auth/policy";
import type { Attachment } from "./schemas";

export type AttachmentRow = typeof attachments.$inferSelect;

/** The attachment and its task, checked like the task itself: 404 unless the caller can see the task. */
export async function getAttachmentForActorOrThrow(args: {
  db: Database;
  ctx: ServiceContext;
  id: string;
  action: ProjectAction;
}): Promise<{ row: AttachmentRow; access: TaskAccess }> {
  const [row] = await args.db.select().from(attachments).where(eq(attachments.id, args.id)).limit(1);
  if (!row) throw new NotFoundError("Attachment");
  try {
    return { row, access: await getTaskForActorOrThrow({ db: args.db, ctx: args.ctx, ref: row.taskId, action: args.action }) };
  } catch (error) {
    if (error instanceof NotFoundError) throw new NotFoundError("Attachment");
    throw error;
  }
}

export async function toAttachments(db: Database, rows: AttachmentRow[]): Promise<Attachment[]> {
  const ids = [...new Set(rows.map((r) => r.uploaderId).filter((id): id is string => id !== null))];
  const found = ids.length ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)) : [];
  const names = new Map(found.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    taskId: r.taskId,
    filename: r.filename,
    size: r.size,
    contentType: r.contentType,
    uploader: r.uploaderId ? { id: r.uploaderId, name: names.get(r.uploaderId) ?? "" } : null,
    createdAt: r.createdAt.toISOString(),
  }));
}
