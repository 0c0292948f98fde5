import { and, asc, eq, gt, or } from "drizzle-orm";
import { z } from "zod";
import { statuses } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor } from "../transaction";
import { decodeCursor, PageQuery, toPage, type Page } from "../pagination";
import { getProjectForActorOrThrow } from "./internal";
import type { Status } from "./schemas";

export type StatusRow = typeof statuses.$inferSelect;

export function toStatus(s: StatusRow): Status {
  return {
    id: s.id,
    projectId: s.projectId,
    name: s.name,
    category: s.category,
    color: s.color,
    position: s.position,
    isDefault: s.isDefault,
    wipLimit: s.wipLimit,
    createdAt: s.createdAt.toISOString(),
  };
}

/** The workflow in board order. */
export async function listStatuses(args: { ctx: ServiceContext; projectId: string; page: PageQuery }): Promise<Page<Status>> {
  const page = PageQuery.parse(args.page);
  const after = decodeCursor(page.cursor, z.tuple([z.string(), z.uuid()]));
  const db = await dbFor(args.ctx);
  await getProjectForActorOrThrow({ db, ctx: args.ctx, projectId: args.projectId, action: "project.read" });
  const rows = await db
    .select()
    .from(statuses)
    .where(
      and(
        eq(statuses.projectId, args.projectId),
        after ? or(gt(statuses.position, after[0]), and(eq(statuses.position, after[0]), gt(statuses.id, after[1]))) : undefined,
      ),
    )
    .orderBy(asc(statuses.position), asc(statuses.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.position, r.id], toStatus);
}
