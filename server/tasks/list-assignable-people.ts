import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";
import { getProjectForActorOrThrow } from "../projects/internal";
import { dbFor } from "../transaction";
import { projectVisibleUsers, type VisibleUser } from "./people";

/**
 * Everyone a task of the project may be assigned to (and who may be @mentioned), by name: the same
 * rule createTask/updateTask apply to assigneeIds, so a picker never offers someone the server refuses.
 */
export async function listAssignablePeople(args: { ctx: ServiceContext; projectId: string }): Promise<VisibleUser[]> {
  const db = await dbFor(args.ctx);
  const { project } = await getProjectForActorOrThrow({ db, ctx: args.ctx, projectId: args.projectId, action: "project.read" });
  const people = await projectVisibleUsers(db, project, sql`true`);
  return people.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
