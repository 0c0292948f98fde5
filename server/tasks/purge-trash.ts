import { inArray } from "drizzle-orm";
import { database } from "@/db/client";
import { settings } from "@/config/settings";
import { logger } from "@/config/log";
import { attachments, tasks } from "@/db/schema";
import { storage } from "../storage";
import { startLoop, type WorkLoop } from "../jobs/loop";
import { expiredTrash } from "./list-trash";

const BATCH = 500;

/**
 * Deletes for good the tasks that have sat in the trash longer than the retention (comments,
 * activity, links and attachments go with them; subtasks lose their parent). Batched so a large
 * purge never holds long locks; safe on every pod (a row deleted twice is simply gone).
 * Returns how many it removed.
 */
export async function purgeTrash(now = new Date()): Promise<number> {
  const db = await database();
  let total = 0;
  for (;;) {
    const due = await db.select({ id: tasks.id }).from(tasks).where(expiredTrash(now)).limit(BATCH);
    if (due.length === 0) return total;
    const ids = due.map((d) => d.id);
    const files = await db.select({ key: attachments.storageKey }).from(attachments).where(inArray(attachments.taskId, ids));
    const gone = await db.delete(tasks).where(inArray(tasks.id, ids)).returning({ id: tasks.id });
    total += gone.length;
    // The bytes go once their rows have; an orphaned object is harmless, so a failure is only logged.
    for (const f of files)
      await storage()
        .delete(f.key)
        .catch((error: unknown) => logger().warn({ err: error, key: f.key }, "attachment object not purged"));
    if (due.length < BATCH) return total;
  }
}

export function startTrashPurger(): WorkLoop {
  return startLoop("trash-purge", settings().DUE_SOON_INTERVAL_MS, async () => {
    await purgeTrash();
    return false;
  });
}
