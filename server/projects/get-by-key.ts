import { and, eq } from "drizzle-orm";
import { projects, workspaces } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor } from "../transaction";
import { NotFoundError } from "../errors";
import { projectPermissions } from "../auth/policy";
import { getProjectForActorOrThrow, toProject } from "./internal";
import type { ProjectWithPermissions } from "./schemas";

/**
 * The project behind `/w/{slug}/p/{key}` (archived ones included), with what the caller may do in
 * it. 404 alike for an unknown workspace or key and for a project the caller cannot see.
 */
export async function getProjectByKey(args: { ctx: ServiceContext; slug: string; key: string }): Promise<ProjectWithPermissions> {
  const db = await dbFor(args.ctx);
  const [row] = await db
    .select({ id: projects.id })
    .from(projects)
    .innerJoin(workspaces, eq(workspaces.id, projects.workspaceId))
    .where(and(eq(workspaces.slug, args.slug), eq(projects.key, args.key.toUpperCase())))
    .limit(1);
  if (!row) throw new NotFoundError("Project");
  const { project, resource, role } = await getProjectForActorOrThrow({ db, ctx: args.ctx, projectId: row.id, action: "project.read" });
  return { ...toProject(project, role), permissions: projectPermissions(resource, project.archivedAt !== null) };
}
