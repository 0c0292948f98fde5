import { and, asc, eq, gt } from "drizzle-orm";
import { z } from "zod";
import { projectMembers, users } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor } from "../transaction";
import { decodeCursor, PageQuery, toPage, type Page } from "../pagination";
import { getProjectForActorOrThrow } from "./internal";
import { memberQuery, toMember } from "./members";
import type { ProjectMember } from "./schemas";

/** The explicit members (workspace owners/admins administer every project without being listed). */
export async function listProjectMembers(args: { ctx: ServiceContext; projectId: string; page: PageQuery }): Promise<Page<ProjectMember>> {
  const page = PageQuery.parse(args.page);
  const after = decodeCursor(page.cursor, z.tuple([z.string()]));
  const db = await dbFor(args.ctx);
  const { project } = await getProjectForActorOrThrow({ db, ctx: args.ctx, projectId: args.projectId, action: "project.read" });
  const rows = await memberQuery(db, project.workspaceId)
    .where(and(eq(projectMembers.projectId, project.id), after ? gt(users.email, after[0]) : undefined))
    .orderBy(asc(users.email))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.email], toMember);
}
