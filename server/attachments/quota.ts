import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { attachments, tasks } from "@/db/schema";
import { settings } from "@/config/settings";
import { ServiceError, ValidationError } from "../errors";

/**
 * Abuse limits per task: at most MAX_ATTACHMENTS_PER_TASK files (422) and MAX_TASK_ATTACHMENTS_MB
 * in all (413). The task row is locked first so two uploads at once cannot both squeeze past.
 */
export async function assertRoomFor(tx: Database, taskId: string, size: number): Promise<void> {
  const s = settings();
  await tx.select({ id: tasks.id }).from(tasks).where(eq(tasks.id, taskId)).for("update");
  const [used] = await tx
    .select({ n: sql<number>`count(*)::int`, bytes: sql<string>`coalesce(sum(${attachments.size}), 0)::bigint` })
    .from(attachments)
    .where(eq(attachments.taskId, taskId));
  if ((used?.n ?? 0) >= s.MAX_ATTACHMENTS_PER_TASK)
    throw new ValidationError(
      [{ path: "file", message: `a task holds at most ${s.MAX_ATTACHMENTS_PER_TASK} attachments; remove one first` }],
      "Too many attachments on this task",
    );
  if (Number(used?.bytes ?? 0) + size > s.MAX_TASK_ATTACHMENTS_MB * 1024 * 1024)
    throw new ServiceError(
      "PAYLOAD_TOO_LARGE",
      `A task's attachments may total at most ${s.MAX_TASK_ATTACHMENTS_MB} MB; remove some first`,
    );
}
