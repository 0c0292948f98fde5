import { and, eq } from "drizzle-orm";
import { projectMembers } from "@/db/schema";
import type { ServiceContext } from "../context";
import { withTransaction } from "../transaction";
import { NotFoundError } from "../errors";
import { getProjectForActorOrThrow } from "./internal";
import { getMemberOrNull, toMember } from "./members";
import { UpdateProjectMemberInput, type ProjectMember } from "./schemas";

export async function updateProjectMember(args: {
  ctx: ServiceContext;
  projectId: string;
  userId: string;
  input: UpdateProjectMemberInput;
}): Promise<ProjectMember> {
  const input = UpdateProjectMemberInput.parse(args.input);
  return withTransaction(args.ctx, async (tx) => {
    const { project } = await getProjectForActorOrThrow({ db: tx, ctx: args.ctx, projectId: args.projectId, action: "project.admin" });
    const member = await getMemberOrNull(tx, project.workspaceId, project.id, args.userId);
    if (!member) throw new NotFoundError("Member");
    await tx
      .update(projectMembers)
      .set({ role: input.role })
      .where(and(eq(projectMembers.projectId, project.id), eq(projectMembers.userId, args.userId)));
    return toMember({ ...member, role: input.role });
  });
}
