import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { ServiceContext } from "../context";
import { dbFor } from "../transaction";
import { resolveRange } from "../analytics/range";
import { getProjectForActorOrThrow } from "../projects/internal";
import type { TimeReport } from "./schemas";

const hours = (seconds: number) => Math.round((seconds / 3600) * 100) / 100;
type Row = { id: string | null; name: string | null; color?: string | null; seconds: string | number; entries: string | number };

/**
 * Time spent in a project over a range of days, per person and per label, summed in SQL. Finished
 * entries only (a running timer has no duration yet); tasks in the trash are left out. The range
 * rules are the analytics tab's: default the last 12 weeks, at most 2 years, 422 otherwise.
 */
export async function getProjectTimeReport(args: { ctx: ServiceContext; projectId: string; query: unknown }): Promise<TimeReport> {
  const db = await dbFor(args.ctx);
  const { project } = await getProjectForActorOrThrow({ db, ctx: args.ctx, projectId: args.projectId, action: "project.read" });
  const range = resolveRange(args.query, project.timezone, args.ctx.now);
  const from = sql`from time_entries e join tasks t on t.id = e.task_id and t.deleted_at is null`;
  const where = sql`where e.project_id = ${project.id}::uuid and e.seconds is not null
      and e.spent_on between ${range.from}::date and ${range.to}::date`;
  const [byUser, byLabel] = await Promise.all([
    rows(
      db,
      sql`select u.id, u.name, sum(e.seconds) as seconds, count(*) as entries ${from} join users u on u.id = e.user_id ${where}
          group by u.id, u.name order by sum(e.seconds) desc, u.name, u.id`,
    ),
    rows(
      db,
      sql`select l.id, l.name, l.color, sum(e.seconds) as seconds, count(*) as entries ${from}
          left join task_labels tl on tl.task_id = e.task_id left join labels l on l.id = tl.label_id ${where}
          group by l.id, l.name, l.color order by (l.id is null), sum(e.seconds) desc, l.name, l.id`,
    ),
  ]);
  const totalSeconds = byUser.reduce((n, r) => n + Number(r.seconds), 0);
  return {
    range: { from: range.from, to: range.to, timezone: range.timezone },
    totalSeconds,
    totalHours: hours(totalSeconds),
    entries: byUser.reduce((n, r) => n + Number(r.entries), 0),
    byUser: byUser.map((r) => ({ user: { id: r.id!, name: r.name ?? "" }, ...figures(r) })),
    byLabel: byLabel.map((r) => ({ label: r.id ? { id: r.id, name: r.name ?? "", color: r.color ?? "" } : null, ...figures(r) })),
  };
}

function figures(r: Row) {
  const seconds = Number(r.seconds);
  return { seconds, hours: hours(seconds), entries: Number(r.entries) };
}

async function rows(db: Database, query: ReturnType<typeof sql>): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}
