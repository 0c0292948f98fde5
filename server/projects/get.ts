import type { ServiceContext } from "../context";
import { dbFor } from "../transaction";
import { getProjectForActorOrThrow, toProject } from "./internal";
import type { Project } from "./schemas";

/** Archived projects still answer, with archivedAt set. */
export async function getProject(args: { ctx: ServiceContext; projectId: string }): Promise<Project> {
  const db = await dbFor(args.ctx);
  const { project, role } = await getProjectForActorOrThrow({ db, ctx: args.ctx, projectId: args.projectId, action: "project.read" });
  return toProject(project, role);
}
