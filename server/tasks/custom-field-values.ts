import { inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { ValidationError } from "../errors";
import { checkFieldValues, personValues, type CheckedValues, type ValueChange } from "../custom-fields/task-values";
import type { TaskFieldChange } from "../events/catalog";
import type { FieldChange } from "./audit";
import type { ProjectRow } from "../projects/internal";
import { projectVisibleUsers } from "./people";

/** The custom field values of a create or update, checked; a person must be someone who can see the project. */
export async function checkTaskFieldValues(
  db: Database,
  project: ProjectRow,
  input: Record<string, unknown> | undefined,
  opts: { creating: boolean },
): Promise<CheckedValues> {
  const checked = await checkFieldValues(db, project.id, input, opts);
  const people = personValues(checked);
  if (people.length === 0) return checked;
  const visible = new Set(
    (
      await projectVisibleUsers(
        db,
        project,
        inArray(
          users.id,
          people.map((p) => p.userId),
        ),
      )
    ).map((u) => u.id),
  );
  const bad = people.filter((p) => !visible.has(p.userId));
  if (bad.length)
    throw new ValidationError(
      bad.map((p) => ({
        path: `customFields.${p.fieldId}`,
        message: `${checked.fields.get(p.fieldId)!.name}: must be the id of a user who can see the project`,
      })),
    );
  return checked;
}

/** Activity names a custom field by its path, customFields.<fieldId>. */
export const activityOf = (changes: ValueChange[]): FieldChange[] =>
  changes.map((c) => ({ field: `customFields.${c.fieldId}`, from: c.from, to: c.to }));

export const eventChangesOf = (changes: ValueChange[]): TaskFieldChange[] =>
  changes.map((c) => ({ field: "customField", fieldId: c.fieldId, from: c.from, to: c.to }));
