import { projectMembers, projects, statuses } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { ConflictError, isUniqueViolation } from "../errors";
import { getWorkspaceForActorOrThrow } from "../workspaces/internal";
import { defaultStatuses } from "./defaults";
import { toProject } from "./internal";
import { CreateProjectInput, type Project } from "./schemas";

/** Workspace members (not guests) create projects; the creator becomes project admin. */
export async function createProject(args: { ctx: ServiceContext; slug: string; input: CreateProjectInput }): Promise<Project> {
  const userId = requireUserId(args.ctx);
  const input = CreateProjectInput.parse(args.input);
  try {
    return await withTransaction(args.ctx, async (tx) => {
      const { workspace } = await getWorkspaceForActorOrThrow({
        db: tx,
        ctx: args.ctx,
        slug: args.slug,
        action: "workspace.projects.create",
      });
      const [row] = await tx
        .insert(projects)
        .values({
          workspaceId: workspace.id,
          key: input.key,
          name: input.name,
          description: input.description ?? "",
          visibility: input.visibility,
          timezone: input.timezone,
          createdBy: userId,
          createdAt: args.ctx.now,
          updatedAt: args.ctx.now,
        })
        .returning();
      await tx.insert(statuses).values(defaultStatuses(row!.id));
      await tx.insert(projectMembers).values({ projectId: row!.id, userId, role: "admin" });
      return toProject(row!, "admin");
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`The key "${input.key}" is already used by another project in this workspace`);
    throw error;
  }
}
