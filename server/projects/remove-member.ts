import { and, eq } from "drizzle-orm";
import { projectMembers } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { NotFoundError } from "../errors";
import { recordEvent } from "../events/record";
import { getProjectForActorOrThrow } from "./internal";

/** Project admins remove members; anyone may leave. Workspace owners/admins keep access regardless. */
export async function removeProjectMember(args: { ctx: ServiceContext; projectId: string; userId: string }): Promise<void> {
  const actorId = requireUserId(args.ctx);
  const leaving = actorId === args.userId;
  await withTransaction(args.ctx, async (tx) => {
    const { project } = await getProjectForActorOrThrow({
      db: tx,
      ctx: args.ctx,
      projectId: args.projectId,
      action: leaving ? "project.read" : "project.admin",
      allowArchived: leaving,
    });
    const removed = await tx
      .delete(projectMembers)
      .where(and(eq(projectMembers.projectId, project.id), eq(projectMembers.userId, args.userId)))
      .returning({ userId: projectMembers.userId });
    if (removed.length === 0) throw new NotFoundError("Member");
    await recordEvent(tx, { type: "project.member_removed", projectId: project.id, actorId, data: { userId: args.userId } });
  });
}
