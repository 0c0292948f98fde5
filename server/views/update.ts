import { and, eq, sql } from "drizzle-orm";
import { savedViews } from "@/db/schema";
import type { ServiceContext } from "../context";
import { withTransaction } from "../transaction";
import { ForbiddenError, PreconditionFailedError } from "../errors";
import { getViewForChangeOrThrow, toView } from "./internal";
import { UpdateViewInput, type SavedView } from "./schemas";

export async function updateView(args: {
  ctx: ServiceContext;
  projectId: string;
  viewId: string;
  input: UpdateViewInput;
  ifMatch?: number;
}): Promise<SavedView> {
  const input = UpdateViewInput.parse(args.input);
  return withTransaction(args.ctx, async (tx) => {
    const { view, access } = await getViewForChangeOrThrow({ db: tx, ctx: args.ctx, projectId: args.projectId, viewId: args.viewId });
    if (input.shared && !view.shared && access.role === "viewer") throw new ForbiddenError("Viewers may save private views only");
    if (args.ifMatch !== undefined && args.ifMatch !== view.version) throw new PreconditionFailedError();
    const [row] = await tx
      .update(savedViews)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.filters !== undefined ? { filters: input.filters } : {}),
        ...(input.sort !== undefined ? { sort: input.sort } : {}),
        ...(input.groupBy !== undefined ? { groupBy: input.groupBy } : {}),
        ...(input.shared !== undefined ? { shared: input.shared } : {}),
        version: sql`${savedViews.version} + 1`,
        updatedAt: args.ctx.now,
      })
      .where(and(eq(savedViews.id, view.id), eq(savedViews.version, view.version)))
      .returning();
    if (!row) throw new PreconditionFailedError();
    return toView(row);
  });
}
