import { and, eq } from "drizzle-orm";
import { projectMembers, workspaceMembers } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { ConflictError, fieldError } from "../errors";
import { recordEvent } from "../events/record";
import { getProjectForActorOrThrow } from "./internal";
import { getMemberOrNull, toMember } from "./members";
import { AddProjectMemberInput, type ProjectMember } from "./schemas";

/** Project admins add people who are already in the workspace (guests included); the event feeds notifications. */
export async function addProjectMember(args: {
  ctx: ServiceContext;
  projectId: string;
  input: AddProjectMemberInput;
}): Promise<ProjectMember> {
  const actorId = requireUserId(args.ctx);
  const input = AddProjectMemberInput.parse(args.input);
  return withTransaction(args.ctx, async (tx) => {
    const { project } = await getProjectForActorOrThrow({ db: tx, ctx: args.ctx, projectId: args.projectId, action: "project.admin" });
    const [inWorkspace] = await tx
      .select({ role: workspaceMembers.role })
      .from(workspaceMembers)
      .where(and(eq(workspaceMembers.workspaceId, project.workspaceId), eq(workspaceMembers.userId, input.userId)))
      .limit(1);
    if (!inWorkspace) throw fieldError("userId", "must be a member of the project's workspace (guest at least)");
    const inserted = await tx
      .insert(projectMembers)
      .values({ projectId: project.id, userId: input.userId, role: input.role, createdAt: args.ctx.now })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) throw new ConflictError("This person is already a member of the project; PATCH their role instead");
    await recordEvent(tx, {
      type: "project.member_added",
      projectId: project.id,
      actorId,
      data: { userId: input.userId, role: input.role },
    });
    return toMember((await getMemberOrNull(tx, project.workspaceId, project.id, input.userId))!);
  });
}
