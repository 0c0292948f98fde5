import { eq } from "drizzle-orm";
import { customFields } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { PreconditionFailedError } from "../errors";
import { recordEvent } from "../events/record";
import { getFieldForActorOrThrow, projectFields, reorder } from "./internal";

/** Project admins; the field's values on every task go with it (the foreign key cascades). */
export async function removeField(args: { ctx: ServiceContext; fieldId: string; ifMatch?: number }): Promise<void> {
  const actorId = requireUserId(args.ctx);
  await withTransaction(args.ctx, async (tx) => {
    const { field, access } = await getFieldForActorOrThrow({
      db: tx,
      ctx: args.ctx,
      fieldId: args.fieldId,
      action: "project.admin",
      lock: true,
    });
    if (args.ifMatch !== undefined && args.ifMatch !== field.version) throw new PreconditionFailedError();
    await tx.delete(customFields).where(eq(customFields.id, field.id));
    const rest = await projectFields(tx, access.project.id);
    if (rest.length) {
      // Close the gap: positions stay 0..n-1.
      for (const [id, position] of reorder(rest, rest[0]!.id, 0))
        if (rest.find((f) => f.id === id)!.position !== position)
          await tx.update(customFields).set({ position }).where(eq(customFields.id, id));
    }
    await recordEvent(tx, {
      type: "custom_field.deleted",
      projectId: access.project.id,
      actorId,
      data: { id: field.id, name: field.name },
      refuseArchived: true,
    });
  });
}
