import type { Database } from "@/db/client";
import { activity } from "@/db/schema";

/** One changed field. Values are stored as the API names them: ids for status, assignees, labels, parent, blockedBy. */
export type FieldChange = { field: string; from: unknown; to: unknown };

/** Writes the audit rows of one change, inside the caller's transaction. */
export async function recordActivity(
  tx: Database,
  a: { taskId: string; projectId: string; actorId: string | null; at: Date; type: "created" | "updated"; changes: FieldChange[] },
): Promise<void> {
  if (a.changes.length === 0) return;
  await tx.insert(activity).values(
    a.changes.map((c) => ({
      taskId: a.taskId,
      projectId: a.projectId,
      actorId: a.actorId,
      type: a.type,
      field: c.field,
      fromValue: c.from ?? null,
      toValue: c.to ?? null,
      createdAt: a.at,
    })),
  );
}
