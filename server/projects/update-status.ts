import { and, eq, ne } from "drizzle-orm";
import { statuses } from "@/db/schema";
import type { ServiceContext } from "../context";
import { withTransaction } from "../transaction";
import { ConflictError, isUniqueViolation, NotFoundError } from "../errors";
import { getProjectForActorOrThrow } from "./internal";
import { toStatus } from "./list-statuses";
import { UpdateStatusInput, type Status } from "./schemas";
import { lockProjectRow, positionFor } from "./status-position";

/** Rename, recolour, set the WIP limit, reorder (after/before another status) or make default; project admins. */
export async function updateStatus(args: {
  ctx: ServiceContext;
  projectId: string;
  statusId: string;
  input: UpdateStatusInput;
}): Promise<Status> {
  const input = UpdateStatusInput.parse(args.input);
  try {
    return await withTransaction(args.ctx, async (tx) => {
      const { project } = await getProjectForActorOrThrow({ db: tx, ctx: args.ctx, projectId: args.projectId, action: "project.admin" });
      await lockProjectRow(tx, project.id);
      const [current] = await tx
        .select()
        .from(statuses)
        .where(and(eq(statuses.id, args.statusId), eq(statuses.projectId, project.id)));
      if (!current) throw new NotFoundError("Status");
      const placement = input.after !== undefined ? { after: input.after } : input.before !== undefined ? { before: input.before } : null;
      const position = placement ? await positionFor(tx, project.id, placement, current.id) : undefined;
      if (input.isDefault) {
        await tx
          .update(statuses)
          .set({ isDefault: false })
          .where(and(eq(statuses.projectId, project.id), ne(statuses.id, current.id)));
      }
      const changes = { name: input.name, color: input.color, isDefault: input.isDefault, wipLimit: input.wipLimit, position };
      if (Object.values(changes).every((v) => v === undefined)) return toStatus(current);
      const [row] = await tx
        .update(statuses)
        .set(changes)
        .where(and(eq(statuses.id, current.id), eq(statuses.projectId, project.id)))
        .returning();
      return toStatus(row!);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`The project already has a status named "${input.name}"`);
    throw error;
  }
}
