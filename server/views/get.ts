import { and, eq } from "drizzle-orm";
import { savedViews } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor, requireUserId } from "../transaction";
import { NotFoundError } from "../errors";
import { getProjectForActorOrThrow } from "../projects/internal";
import { canSeeView, toView } from "./internal";
import type { SavedView } from "./schemas";

export async function getView(args: { ctx: ServiceContext; projectId: string; viewId: string }): Promise<SavedView> {
  const userId = requireUserId(args.ctx);
  const db = await dbFor(args.ctx);
  const { project } = await getProjectForActorOrThrow({ db, ctx: args.ctx, projectId: args.projectId, action: "project.read" });
  const [view] = await db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.id, args.viewId), eq(savedViews.projectId, project.id)));
  if (!view || !canSeeView(view, userId)) throw new NotFoundError("View");
  return toView(view);
}
