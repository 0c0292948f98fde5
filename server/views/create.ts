import { savedViews } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { ConflictError, ForbiddenError } from "../errors";
import { getProjectForActorOrThrow } from "../projects/internal";
import { toView } from "./internal";
import { CreateViewInput, type SavedView } from "./schemas";

/** Anyone who can see the project saves private views (viewers too); sharing one takes a member. */
export async function createView(args: { ctx: ServiceContext; projectId: string; input: CreateViewInput }): Promise<SavedView> {
  const input = CreateViewInput.parse(args.input);
  const userId = requireUserId(args.ctx);
  return withTransaction(args.ctx, async (tx) => {
    const { project, role } = await getProjectForActorOrThrow({ db: tx, ctx: args.ctx, projectId: args.projectId, action: "project.read" });
    if (input.shared && role === "viewer") throw new ForbiddenError("Viewers may save private views only");
    if (project.archivedAt) throw new ConflictError("The project is archived; restore it before changing it");
    const [row] = await tx
      .insert(savedViews)
      .values({
        projectId: project.id,
        ownerId: userId,
        name: input.name,
        filters: input.filters,
        sort: input.sort ?? null,
        groupBy: input.groupBy ?? null,
        shared: input.shared ?? false,
        createdAt: args.ctx.now,
        updatedAt: args.ctx.now,
      })
      .returning();
    return toView(row!);
  });
}
