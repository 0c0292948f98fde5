import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { customFields } from "@/db/schema";
import type { ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import type { ProjectAction } from "../auth/policy";
import { getProjectForActorOrThrow, type ProjectAccess } from "../projects/internal";
import type { CustomField } from "./schemas";

export type FieldRow = typeof customFields.$inferSelect;

/** A project's fields in their order. */
export async function projectFields(db: Database, projectId: string): Promise<FieldRow[]> {
  return db
    .select()
    .from(customFields)
    .where(eq(customFields.projectId, projectId))
    .orderBy(asc(customFields.position), asc(customFields.id));
}

/** The field and its project: 404 when either is invisible to the caller, 403 when the role is too low. */
export async function getFieldForActorOrThrow(args: {
  db: Database;
  ctx: ServiceContext;
  fieldId: string;
  action: ProjectAction;
  lock?: boolean;
}): Promise<{ field: FieldRow; access: ProjectAccess }> {
  const query = args.db.select().from(customFields).where(eq(customFields.id, args.fieldId));
  const [field] = args.lock ? await query.for("update") : await query;
  if (!field) throw new NotFoundError("Custom field");
  try {
    const access = await getProjectForActorOrThrow({ db: args.db, ctx: args.ctx, projectId: field.projectId, action: args.action });
    return { field, access };
  } catch (error) {
    // The field of a project you cannot see does not exist for you.
    if (error instanceof NotFoundError) throw new NotFoundError("Custom field");
    throw error;
  }
}

export function toField(f: FieldRow): CustomField {
  return {
    id: f.id,
    projectId: f.projectId,
    name: f.name,
    type: f.type,
    position: f.position,
    options: f.options,
    required: f.required,
    showOnCard: f.showOnCard,
    version: f.version,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
  };
}

/** Renumbers positions 0..n-1 with `moved` at `to` (clamped); the others keep their relative order. */
export function reorder(fields: FieldRow[], moved: string, to: number): Map<string, number> {
  const rest = fields.filter((f) => f.id !== moved).map((f) => f.id);
  rest.splice(Math.min(to, rest.length), 0, moved);
  return new Map(rest.map((id, i) => [id, i]));
}
