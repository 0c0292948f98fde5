import { workspaceMembers, workspaces } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { ConflictError, isUniqueViolation } from "../errors";
import { CreateWorkspaceInput, type Workspace } from "./schemas";
import { toWorkspace } from "./internal";

export async function createWorkspace(args: { ctx: ServiceContext; input: CreateWorkspaceInput }): Promise<Workspace> {
  const userId = requireUserId(args.ctx);
  const input = CreateWorkspaceInput.parse(args.input);
  try {
    return await withTransaction(args.ctx, async (tx) => {
      const [row] = await tx.insert(workspaces).values({ name: input.name, slug: input.slug }).returning();
      await tx.insert(workspaceMembers).values({ workspaceId: row!.id, userId, role: "owner" });
      return toWorkspace(row!, "owner");
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`The slug "${input.slug}" is taken`);
    throw error;
  }
}
