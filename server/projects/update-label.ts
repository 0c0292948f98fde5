import { and, eq } from "drizzle-orm";
import { labels } from "@/db/schema";
import type { ServiceContext } from "../context";
import { withTransaction } from "../transaction";
import { ConflictError, isUniqueViolation, NotFoundError } from "../errors";
import { getProjectForActorOrThrow } from "./internal";
import { toLabel } from "./list-labels";
import { UpdateLabelInput, type Label } from "./schemas";

/** Rename or recolour; project members. */
export async function updateLabel(args: {
  ctx: ServiceContext;
  projectId: string;
  labelId: string;
  input: UpdateLabelInput;
}): Promise<Label> {
  const input = UpdateLabelInput.parse(args.input);
  try {
    return await withTransaction(args.ctx, async (tx) => {
      const { project } = await getProjectForActorOrThrow({ db: tx, ctx: args.ctx, projectId: args.projectId, action: "project.write" });
      const where = and(eq(labels.id, args.labelId), eq(labels.projectId, project.id));
      const [row] =
        input.name === undefined && input.color === undefined
          ? await tx.select().from(labels).where(where)
          : await tx.update(labels).set({ name: input.name, color: input.color }).where(where).returning();
      if (!row) throw new NotFoundError("Label");
      return toLabel(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`The project already has a label named "${input.name}"`);
    throw error;
  }
}
