import { eq, and } from "drizzle-orm";
import { timeEntries } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor } from "../transaction";
import { PageQuery, toPage, type Page } from "../pagination";
import { getTaskForActorOrThrow, type TaskRef } from "../tasks/internal";
import { toTimeEntries } from "./internal";
import { afterCursor, entryKey, entryOrder } from "./list-order";
import type { TimeEntry } from "./schemas";

/** A task's time entries, everyone's, newest day first (anyone who can see the task). */
export async function listTaskTimeEntries(args: { ctx: ServiceContext; ref: TaskRef | string; page: PageQuery }): Promise<Page<TimeEntry>> {
  const page = PageQuery.parse(args.page);
  const after = afterCursor(page.cursor);
  const db = await dbFor(args.ctx);
  const { task } = await getTaskForActorOrThrow({ db, ctx: args.ctx, ref: args.ref, action: "project.read" });
  const rows = await db
    .select()
    .from(timeEntries)
    .where(and(eq(timeEntries.taskId, task.id), after))
    .orderBy(...entryOrder)
    .limit(page.limit + 1);
  const served = toPage(rows, page.limit, entryKey, (r) => r);
  return { data: await toTimeEntries(db, served.data), nextCursor: served.nextCursor };
}
