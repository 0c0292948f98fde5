import { and, eq, sql } from "drizzle-orm";
import { customFields } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { ConflictError, isUniqueViolation, PreconditionFailedError } from "../errors";
import { recordEvent } from "../events/record";
import { getFieldForActorOrThrow, projectFields, reorder, toField } from "./internal";
import { applyMigration, planMigration, refuseMisfits } from "./migrate-values";
import { checkRequired, resolveOptions } from "./options";
import { UpdateFieldInput, type CustomField } from "./schemas";

/**
 * Project admins. A new type or option list converts the values that still fit; the others refuse
 * the change (422 with their count) unless `clearInvalid`, which clears them, all in one transaction.
 */
export async function updateField(args: {
  ctx: ServiceContext;
  fieldId: string;
  input: UpdateFieldInput;
  ifMatch?: number;
}): Promise<CustomField> {
  const input = UpdateFieldInput.parse(args.input);
  const actorId = requireUserId(args.ctx);
  try {
    return await withTransaction(args.ctx, async (tx) => {
      const { field, access } = await getFieldForActorOrThrow({
        db: tx,
        ctx: args.ctx,
        fieldId: args.fieldId,
        action: "project.admin",
        lock: true,
      });
      if (args.ifMatch !== undefined && args.ifMatch !== field.version) throw new PreconditionFailedError();
      const type = input.type ?? field.type;
      const options = resolveOptions(type, input.options, field.options);
      checkRequired(type, input.required ?? field.required);

      const reshaped = type !== field.type || JSON.stringify(options) !== JSON.stringify(field.options);
      if (reshaped) {
        const plan = await planMigration(tx, field, { type, options });
        refuseMisfits(plan, input.type !== undefined && type !== field.type ? "type" : "options", input.clearInvalid ?? false);
        await applyMigration(tx, { field, to: { type, options }, plan, actorId, at: args.ctx.now });
      }
      if (input.position !== undefined && input.position !== field.position) {
        for (const [id, position] of reorder(await projectFields(tx, access.project.id), field.id, input.position))
          if (id !== field.id) await tx.update(customFields).set({ position }).where(eq(customFields.id, id));
      }
      const fields = await projectFields(tx, access.project.id);
      const position = Math.min(input.position ?? field.position, fields.length - 1);
      const [row] = await tx
        .update(customFields)
        .set({
          name: input.name ?? field.name,
          type,
          options,
          required: input.required ?? field.required,
          showOnCard: input.showOnCard ?? field.showOnCard,
          position,
          version: sql`${customFields.version} + 1`,
          updatedAt: args.ctx.now,
        })
        .where(and(eq(customFields.id, field.id), eq(customFields.version, field.version)))
        .returning();
      if (!row) throw new PreconditionFailedError();
      const shaped = toField(row);
      await recordEvent(tx, { type: "custom_field.updated", projectId: access.project.id, actorId, data: shaped, refuseArchived: true });
      return shaped;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`The project already has a field named "${input.name}"`);
    throw error;
  }
}
