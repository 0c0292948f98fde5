import { and, eq, gt, gte, isNotNull, isNull, lte, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { cycles } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor } from "../transaction";
import { decodeCursor, PageQuery, toPage, type Page } from "../pagination";
import { getProjectForActorOrThrow } from "../projects/internal";
import { dayIn } from "./dates";
import { loadCycles } from "./internal";
import { CycleListQuery, type Cycle } from "./schemas";

/** A project's cycles, earliest start first (anyone who can see the project). */
export async function listCycles(args: {
  ctx: ServiceContext;
  projectId: string;
  query?: z.input<typeof CycleListQuery> & z.input<typeof PageQuery>;
}): Promise<Page<Cycle>> {
  const query = CycleListQuery.extend(PageQuery.shape).parse(args.query ?? {});
  const after = decodeCursor(query.cursor, z.tuple([z.iso.date(), z.uuid()]));
  const db = await dbFor(args.ctx);
  const { project } = await getProjectForActorOrThrow({ db, ctx: args.ctx, projectId: args.projectId, action: "project.read" });
  const today = dayIn(project.timezone, args.ctx.now);
  const open = isNull(cycles.completedAt);
  const byState: Record<string, SQL | undefined> = {
    upcoming: and(open, gt(cycles.startDate, today)),
    active: and(open, lte(cycles.startDate, today), gte(cycles.endDate, today)),
    ended: and(open, lt(cycles.endDate, today)),
    completed: isNotNull(cycles.completedAt),
    open,
  };
  const where = and(
    eq(cycles.projectId, project.id),
    query.state ? byState[query.state] : undefined,
    after ? sql`(${cycles.startDate}, ${cycles.id}) > (${after[0]}::date, ${after[1]}::uuid)` : undefined,
  );
  const rows = await loadCycles(db, project, args.ctx.now, where, query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (c) => [c.startDate, c.id],
    (c) => c,
  );
}
