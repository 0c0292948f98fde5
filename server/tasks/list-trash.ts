import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import { z } from "zod";
import { tasks, users } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor } from "../transaction";
import { decodeCursor, toPage, type Page, type PageQuery } from "../pagination";
import { getProjectForActorOrThrow } from "../projects/internal";
import { loadTasks } from "./load";
import { Task } from "./schemas";

/** How long a deleted task stays restorable before the purge job removes it for good. */
export const TRASH_RETENTION_DAYS = 30;

export const TrashedTask = Task.extend({
  deletedAt: z.string().meta({ description: "When it was deleted (ISO 8601)" }),
  deletedBy: z
    .object({ id: z.uuid(), name: z.string() })
    .nullable()
    .meta({ description: "Who deleted it (null once their account is gone)" }),
  purgeAfter: z.string().meta({ description: "When it leaves the trash for good: 30 days after deletedAt" }),
}).meta({ id: "TrashedTask" });
export type TrashedTask = z.infer<typeof TrashedTask>;

const Cursor = z.tuple([z.iso.datetime(), z.uuid()]);

/** The project's trash, newest deletion first, keyset-paginated; project admins only (403 otherwise). */
export async function listTrash(args: { ctx: ServiceContext; projectId: string; page: PageQuery }): Promise<Page<TrashedTask>> {
  const db = await dbFor(args.ctx);
  const { project } = await getProjectForActorOrThrow({ db, ctx: args.ctx, projectId: args.projectId, action: "project.admin" });
  const after = decodeCursor(args.page.cursor, Cursor);
  const rows = await db
    .select({ id: tasks.id, deletedAt: tasks.deletedAt, deletedBy: tasks.deletedBy, deleterName: users.name })
    .from(tasks)
    .leftJoin(users, eq(users.id, tasks.deletedBy))
    .where(
      and(
        eq(tasks.projectId, project.id),
        isNotNull(tasks.deletedAt),
        after ? sql`(${tasks.deletedAt}, ${tasks.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(tasks.deletedAt), desc(tasks.id))
    .limit(args.page.limit + 1);
  const loaded = new Map(
    (
      await loadTasks(
        db,
        rows.map((r) => r.id),
        { includeDeleted: true },
      )
    ).map((t) => [t.id, t]),
  );
  return toPage(
    rows,
    args.page.limit,
    (r) => [r.deletedAt!.toISOString(), r.id],
    (r) => ({
      ...loaded.get(r.id)!,
      deletedAt: r.deletedAt!.toISOString(),
      deletedBy: r.deletedBy ? { id: r.deletedBy, name: r.deleterName ?? "" } : null,
      purgeAfter: new Date(r.deletedAt!.getTime() + TRASH_RETENTION_DAYS * 86_400_000).toISOString(),
    }),
  );
}

// Used by the purge job to find what is due; kept here beside the retention it applies.
export const expiredTrash = (now: Date) =>
  and(
    isNotNull(tasks.deletedAt),
    sql`${tasks.deletedAt} < ${new Date(now.getTime() - TRASH_RETENTION_DAYS * 86_400_000).toISOString()}::timestamptz`,
  );
