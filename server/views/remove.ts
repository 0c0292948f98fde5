import { eq } from "drizzle-orm";
import { savedViews } from "@/db/schema";
import type { ServiceContext } from "../context";
import { withTransaction } from "../transaction";
import { getViewForChangeOrThrow } from "./internal";

export async function removeView(args: { ctx: ServiceContext; projectId: string; viewId: string }): Promise<void> {
  await withTransaction(args.ctx, async (tx) => {
    const { view } = await getViewForChangeOrThrow({ db: tx, ctx: args.ctx, projectId: args.projectId, viewId: args.viewId });
    await tx.delete(savedViews).where(eq(savedViews.id, view.id));
  });
}
