import { eq } from "drizzle-orm";
import { customFields } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { ConflictError, fieldError, isUniqueViolation } from "../errors";
import { recordEvent } from "../events/record";
import { getProjectForActorOrThrow } from "../projects/internal";
import { projectFields, reorder, toField } from "./internal";
import { checkRequired, resolveOptions } from "./options";
import { CreateFieldInput, type CustomField } from "./schemas";

const MAX_FIELDS = 50;

/** Project admins add fields; names are unique in the project, case-insensitively. */
export async function createField(args: { ctx: ServiceContext; projectId: string; input: CreateFieldInput }): Promise<CustomField> {
  const input = CreateFieldInput.parse(args.input);
  const actorId = requireUserId(args.ctx);
  checkRequired(input.type, input.required ?? false);
  const options = resolveOptions(input.type, input.options, []);
  try {
    return await withTransaction(args.ctx, async (tx) => {
      const { project } = await getProjectForActorOrThrow({ db: tx, ctx: args.ctx, projectId: args.projectId, action: "project.admin" });
      const existing = await projectFields(tx, project.id);
      if (existing.length >= MAX_FIELDS) throw fieldError("name", `a project has at most ${MAX_FIELDS} custom fields`);
      const [row] = await tx
        .insert(customFields)
        .values({
          projectId: project.id,
          name: input.name,
          type: input.type,
          position: existing.length,
          options,
          required: input.required ?? false,
          showOnCard: input.showOnCard ?? false,
          createdAt: args.ctx.now,
          updatedAt: args.ctx.now,
        })
        .returning();
      let field = row!;
      if (input.position !== undefined && input.position < existing.length) {
        for (const [id, position] of reorder([...existing, field], field.id, input.position))
          await tx.update(customFields).set({ position }).where(eq(customFields.id, id));
        field = { ...field, position: input.position };
      }
      const shaped = toField(field);
      await recordEvent(tx, { type: "custom_field.created", projectId: project.id, actorId, data: shaped, refuseArchived: true });
      return shaped;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`The project already has a field named "${input.name}"`);
    throw error;
  }
}
