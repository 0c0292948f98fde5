import { and, asc, eq, or, sql } from "drizzle-orm";
import { z } from "zod";
import { savedViews } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor, requireUserId } from "../transaction";
import { decodeCursor, PageQuery, toPage, type Page } from "../pagination";
import { getProjectForActorOrThrow } from "../projects/internal";
import { toView } from "./internal";
import type { SavedView } from "./schemas";

/** The project's shared views and the caller's own, oldest first. */
export async function listViews(args: { ctx: ServiceContext; projectId: string; page: PageQuery }): Promise<Page<SavedView>> {
  const userId = requireUserId(args.ctx);
  const page = PageQuery.parse(args.page);
  const after = decodeCursor(page.cursor, z.tuple([z.iso.datetime(), z.uuid()]));
  const db = await dbFor(args.ctx);
  const { project } = await getProjectForActorOrThrow({ db, ctx: args.ctx, projectId: args.projectId, action: "project.read" });
  const rows = await db
    .select()
    .from(savedViews)
    .where(
      and(
        eq(savedViews.projectId, project.id),
        or(eq(savedViews.shared, true), eq(savedViews.ownerId, userId)),
        after ? sql`(${savedViews.createdAt}, ${savedViews.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(savedViews.createdAt), asc(savedViews.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (v) => [v.createdAt.toISOString(), v.id], toView);
}
