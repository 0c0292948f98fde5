import { and, asc, eq, gt, isNotNull, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import { projectMembers, projects } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor, requireUserId } from "../transaction";
import { effectiveProjectRole } from "../auth/policy";
import { decodeCursor, PageQuery, toPage, type Page } from "../pagination";
import { getWorkspaceForActorOrThrow } from "../workspaces/internal";
import { toProject } from "./internal";
import type { Project } from "./schemas";

export const ListProjectsQuery = PageQuery.extend({
  archived: z
    .enum(["true", "false"], "must be true or false")
    .optional()
    .describe("true lists only archived projects; by default they are left out"),
});
export type ListProjectsQuery = z.infer<typeof ListProjectsQuery>;

/** The projects of a workspace the caller can see, by name; the same rule as effectiveProjectRole, in SQL. */
export async function listProjects(args: { ctx: ServiceContext; slug: string; query: ListProjectsQuery }): Promise<Page<Project>> {
  const userId = requireUserId(args.ctx);
  const query = ListProjectsQuery.parse(args.query);
  const after = decodeCursor(query.cursor, z.tuple([z.string(), z.uuid()]));
  const db = await dbFor(args.ctx);
  const { workspace, role } = await getWorkspaceForActorOrThrow({ db, ctx: args.ctx, slug: args.slug, action: "workspace.read" });
  const seesAll = role === "owner" || role === "admin";
  const rows = await db
    .select({ project: projects, projectRole: projectMembers.role })
    .from(projects)
    .leftJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, userId)))
    .where(
      and(
        eq(projects.workspaceId, workspace.id),
        query.archived === "true" ? isNotNull(projects.archivedAt) : isNull(projects.archivedAt),
        seesAll ? undefined : or(isNotNull(projectMembers.userId), role === "member" ? eq(projects.visibility, "workspace") : sql`false`),
        after ? or(gt(projects.name, after[0]), and(eq(projects.name, after[0]), gt(projects.id, after[1]))) : undefined,
      ),
    )
    .orderBy(asc(projects.name), asc(projects.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (r) => [r.project.name, r.project.id],
    (r) => {
      const resource = { type: "project" as const, workspaceRole: role, projectRole: r.projectRole, visibility: r.project.visibility };
      return toProject(r.project, effectiveProjectRole(resource)!);
    },
  );
}
