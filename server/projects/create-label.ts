import { labels } from "@/db/schema";
import type { ServiceContext } from "../context";
import { withTransaction } from "../transaction";
import { ConflictError, isUniqueViolation } from "../errors";
import { getProjectForActorOrThrow } from "./internal";
import { toLabel } from "./list-labels";
import { CreateLabelInput, type Label } from "./schemas";

/** Project members (not viewers) create labels, as they label tasks; names are unique case-insensitively. */
export async function createLabel(args: { ctx: ServiceContext; projectId: string; input: CreateLabelInput }): Promise<Label> {
  const input = CreateLabelInput.parse(args.input);
  try {
    return await withTransaction(args.ctx, async (tx) => {
      const { project } = await getProjectForActorOrThrow({ db: tx, ctx: args.ctx, projectId: args.projectId, action: "project.write" });
      const [row] = await tx
        .insert(labels)
        .values({ projectId: project.id, name: input.name, color: input.color, createdAt: args.ctx.now })
        .returning();
      return toLabel(row!);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`The project already has a label named "${input.name}"`);
    throw error;
  }
}
