import { and, asc, eq, gt } from "drizzle-orm";
import { z } from "zod";
import { workspaceMembers, workspaces } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor, requireUserId } from "../transaction";
import { decodeCursor, PageQuery, toPage, type Page } from "../pagination";
import { toWorkspace } from "./internal";
import type { Workspace } from "./schemas";

export async function listWorkspaces(args: { ctx: ServiceContext; page: PageQuery }): Promise<Page<Workspace>> {
  const userId = requireUserId(args.ctx);
  const page = PageQuery.parse(args.page);
  const after = decodeCursor(page.cursor, z.tuple([z.string()]));
  const db = await dbFor(args.ctx);
  const rows = await db
    .select({ workspace: workspaces, role: workspaceMembers.role })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(and(eq(workspaceMembers.userId, userId), after ? gt(workspaces.slug, after[0]) : undefined))
    .orderBy(asc(workspaces.slug))
    .limit(page.limit + 1);
  return toPage(
    rows,
    page.limit,
    (r) => [r.workspace.slug],
    (r) => toWorkspace(r.workspace, r.role),
  );
}
