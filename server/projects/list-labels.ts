import { and, asc, eq, gt, or } from "drizzle-orm";
import { z } from "zod";
import { labels } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor } from "../transaction";
import { decodeCursor, PageQuery, toPage, type Page } from "../pagination";
import { getProjectForActorOrThrow } from "./internal";
import type { Label } from "./schemas";

export type LabelRow = typeof labels.$inferSelect;

export function toLabel(l: LabelRow): Label {
  return { id: l.id, projectId: l.projectId, name: l.name, color: l.color, createdAt: l.createdAt.toISOString() };
}

/** Labels by name. */
export async function listLabels(args: { ctx: ServiceContext; projectId: string; page: PageQuery }): Promise<Page<Label>> {
  const page = PageQuery.parse(args.page);
  const after = decodeCursor(page.cursor, z.tuple([z.string(), z.uuid()]));
  const db = await dbFor(args.ctx);
  await getProjectForActorOrThrow({ db, ctx: args.ctx, projectId: args.projectId, action: "project.read" });
  const rows = await db
    .select()
    .from(labels)
    .where(
      and(
        eq(labels.projectId, args.projectId),
        after ? or(gt(labels.name, after[0]), and(eq(labels.name, after[0]), gt(labels.id, after[1]))) : undefined,
      ),
    )
    .orderBy(asc(labels.name), asc(labels.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.name, r.id], toLabel);
}
