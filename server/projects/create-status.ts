import { statuses } from "@/db/schema";
import type { ServiceContext } from "../context";
import { withTransaction } from "../transaction";
import { ConflictError, isUniqueViolation } from "../errors";
import { getProjectForActorOrThrow } from "./internal";
import { toStatus } from "./list-statuses";
import { CreateStatusInput, type Status } from "./schemas";
import { lockProjectRow, positionFor } from "./status-position";

/** Project admins shape the workflow; a new status goes last. */
export async function createStatus(args: { ctx: ServiceContext; projectId: string; input: CreateStatusInput }): Promise<Status> {
  const input = CreateStatusInput.parse(args.input);
  try {
    return await withTransaction(args.ctx, async (tx) => {
      const { project } = await getProjectForActorOrThrow({ db: tx, ctx: args.ctx, projectId: args.projectId, action: "project.admin" });
      await lockProjectRow(tx, project.id);
      const position = await positionFor(tx, project.id, { before: null });
      const [row] = await tx
        .insert(statuses)
        .values({
          projectId: project.id,
          name: input.name,
          category: input.category,
          color: input.color,
          wipLimit: input.wipLimit ?? null,
          position,
          createdAt: args.ctx.now,
        })
        .returning();
      return toStatus(row!);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`The project already has a status named "${input.name}"`);
    throw error;
  }
}
