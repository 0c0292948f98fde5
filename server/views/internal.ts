import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { savedViews } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId } from "../transaction";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { getProjectForActorOrThrow, type ProjectAccess } from "../projects/internal";
import type { SavedView } from "./schemas";

export type ViewRow = typeof savedViews.$inferSelect;

/** A private view is its owner's alone (404 to others); a shared one is visible to the project. */
export function canSeeView(view: ViewRow, userId: string): boolean {
  return view.shared || view.ownerId === userId;
}

/** The view for a change: 404 when invisible, 403 unless owner or project admin, 409 when archived. */
export async function getViewForChangeOrThrow(args: {
  db: Database;
  ctx: ServiceContext;
  projectId: string;
  viewId: string;
}): Promise<{ view: ViewRow; access: ProjectAccess }> {
  const userId = requireUserId(args.ctx);
  const access = await getProjectForActorOrThrow({ db: args.db, ctx: args.ctx, projectId: args.projectId, action: "project.read" });
  const [view] = await args.db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.id, args.viewId), eq(savedViews.projectId, access.project.id)))
    .for("update");
  if (!view || !canSeeView(view, userId)) throw new NotFoundError("View");
  if (view.ownerId !== userId && access.role !== "admin")
    throw new ForbiddenError("Only the view's owner or a project admin may change it");
  if (access.project.archivedAt) throw new ConflictError("The project is archived; restore it before changing it");
  return { view, access };
}

export function toView(v: ViewRow): SavedView {
  return {
    id: v.id,
    projectId: v.projectId,
    name: v.name,
    filters: v.filters,
    sort: (v.sort as SavedView["sort"]) ?? null,
    groupBy: (v.groupBy as SavedView["groupBy"]) ?? null,
    shared: v.shared,
    owner: { id: v.ownerId },
    version: v.version,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}
