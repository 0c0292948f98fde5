import { and, asc, eq, gt } from "drizzle-orm";
import { z } from "zod";
import { activity, users } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor } from "../transaction";
import { decodeCursor, PageQuery, toPage, type Page } from "../pagination";
import type { ActivityEntry } from "./schemas";
import { getTaskForActorOrThrow, type TaskRef } from "./internal";

/**
 * The contract says ids are UUID strings: the row's identity id, as an RFC 9562 version-8 (custom) UUID
 * whose last 48 bits hold it, so ids stay unique and sort like the rows.
 */
export function activityUuid(id: number): string {
  return `00000000-0000-8000-8000-${id.toString(16).padStart(12, "0")}`;
}

/** The task's audit trail, oldest first; new entries only ever append, so cursors stay valid. */
export async function getActivity(args: { ctx: ServiceContext; ref: TaskRef | string; page: PageQuery }): Promise<Page<ActivityEntry>> {
  const page = PageQuery.parse(args.page);
  const after = decodeCursor(page.cursor, z.tuple([z.number().int()]));
  const db = await dbFor(args.ctx);
  const { task } = await getTaskForActorOrThrow({ db, ctx: args.ctx, ref: args.ref, action: "project.read" });
  const rows = await db
    .select({ row: activity, actorName: users.name })
    .from(activity)
    .leftJoin(users, eq(users.id, activity.actorId))
    .where(and(eq(activity.taskId, task.id), after ? gt(activity.id, after[0]) : undefined))
    .orderBy(asc(activity.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.row.id], toActivityEntry);
}

export function toActivityEntry({ row, actorName }: { row: typeof activity.$inferSelect; actorName: string | null }): ActivityEntry {
  return {
    id: activityUuid(row.id),
    actor: row.actorId ? { id: row.actorId, name: actorName ?? "" } : null,
    type: row.type,
    ...(row.field ? { field: row.field, from: row.fromValue, to: row.toValue } : {}),
    createdAt: row.createdAt.toISOString(),
  };
}
