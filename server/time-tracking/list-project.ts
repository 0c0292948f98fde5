import { and, eq, gte, isNull, lte } from "drizzle-orm";
import { tasks, timeEntries } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor, requireUserId } from "../transaction";
import { ValidationError } from "../errors";
import { PageQuery, toPage, type Page } from "../pagination";
import { getProjectForActorOrThrow } from "../projects/internal";
import { toTimeEntries } from "./internal";
import { afterCursor, entryKey, entryOrder } from "./list-order";
import { ProjectTimeEntriesQuery, type TimeEntry } from "./schemas";

/** Parses the filters shared by the project list and its CSV: from ≤ to, `me` resolved. */
export function projectEntryFilters(ctx: ServiceContext, query: unknown): { from?: string; to?: string; userId?: string } {
  const q = ProjectTimeEntriesQuery.parse(query ?? {});
  if (q.from && q.to && q.from > q.to) throw new ValidationError([{ path: "from", message: "must be on or before to" }]);
  return { from: q.from, to: q.to, userId: q.user === "me" ? requireUserId(ctx) : q.user?.toLowerCase() };
}

export function projectEntryWhere(projectId: string, f: { from?: string; to?: string; userId?: string }) {
  return and(
    eq(timeEntries.projectId, projectId),
    isNull(tasks.deletedAt),
    f.from ? gte(timeEntries.spentOn, f.from) : undefined,
    f.to ? lte(timeEntries.spentOn, f.to) : undefined,
    f.userId ? eq(timeEntries.userId, f.userId) : undefined,
  );
}

/** A project's time entries over a range of days, optionally one person's; tasks in the trash are left out. */
export async function listProjectTimeEntries(args: {
  ctx: ServiceContext;
  projectId: string;
  query: ProjectTimeEntriesQuery;
  page: PageQuery;
}): Promise<Page<TimeEntry>> {
  const page = PageQuery.parse(args.page);
  const filters = projectEntryFilters(args.ctx, args.query);
  const after = afterCursor(page.cursor);
  const db = await dbFor(args.ctx);
  const { project } = await getProjectForActorOrThrow({ db, ctx: args.ctx, projectId: args.projectId, action: "project.read" });
  const rows = await db
    .select({ entry: timeEntries })
    .from(timeEntries)
    .innerJoin(tasks, eq(tasks.id, timeEntries.taskId))
    .where(and(projectEntryWhere(project.id, filters), after))
    .orderBy(...entryOrder)
    .limit(page.limit + 1);
  const served = toPage(
    rows,
    page.limit,
    (r) => entryKey(r.entry),
    (r) => r.entry,
  );
  return { data: await toTimeEntries(db, served.data), nextCursor: served.nextCursor };
}
