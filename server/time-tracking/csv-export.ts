import { eq } from "drizzle-orm";
import { tasks, timeEntries } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor } from "../transaction";
import { toCsv } from "../analytics/csv";
import { getProjectForActorOrThrow } from "../projects/internal";
import { toTimeEntries } from "./internal";
import { entryOrder } from "./list-order";
import { projectEntryFilters, projectEntryWhere } from "./list-project";

/** More rows than a spreadsheet of time entries reasonably holds; past it, page through the REST list. */
export const MAX_CSV_ENTRIES = 50_000;

/** The project's finished and running entries with the list's filters, as CSV (newest day first). */
export async function exportTimeEntriesCsv(args: { ctx: ServiceContext; projectId: string; query: unknown }) {
  const filters = projectEntryFilters(args.ctx, args.query);
  const db = await dbFor(args.ctx);
  const { project } = await getProjectForActorOrThrow({ db, ctx: args.ctx, projectId: args.projectId, action: "project.read" });
  const rows = await db
    .select({ entry: timeEntries })
    .from(timeEntries)
    .innerJoin(tasks, eq(tasks.id, timeEntries.taskId))
    .where(projectEntryWhere(project.id, filters))
    .orderBy(...entryOrder)
    .limit(MAX_CSV_ENTRIES);
  const entries = await toTimeEntries(
    db,
    rows.map((r) => r.entry),
  );
  const csv = toCsv(
    [
      "entryId",
      "date",
      "taskKey",
      "taskTitle",
      "userId",
      "userName",
      "durationSeconds",
      "hours",
      "running",
      "startedAt",
      "endedAt",
      "note",
    ],
    entries.map((e) => [
      e.id,
      e.date,
      e.task.key,
      e.task.title,
      e.user.id,
      e.user.name,
      e.durationSeconds,
      e.durationSeconds === null ? null : Math.round((e.durationSeconds / 3600) * 100) / 100,
      e.running ? "true" : "false",
      e.startedAt,
      e.endedAt,
      e.note,
    ]),
  );
  const span = `${filters.from ?? "start"}-${filters.to ?? "end"}`;
  return { filename: `time-entries-${project.key}-${span}.csv`, csv };
}
