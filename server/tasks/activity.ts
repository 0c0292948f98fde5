import { and, asc, eq, gt } from "drizzle-orm";
import { z } from "zod";
import { activity, users } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor } from "../db";
import { decodeCursor, PageQuery, toPage, type Page } from "../pagination";
import type { ActivityEntry } from "./inputs";
import { getTaskForActorOrThrow, type TaskRef } from "./internal";

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
  return toPage(
    rows,
    page.limit,
    (r) => [r.row.id],
    ({ row, actorName }) => ({
      id: String(row.id),
      actor: row.actorId ? { id: row.actorId, name: actorName ?? "" } : null,
      type: row.type,
      ...(row.field ? { field: row.field, from: row.fromValue, to: row.toValue } : {}),
      createdAt: row.createdAt.toISOString(),
    }),
  );
}
