"use server";
import { attempt, type ActionResult, serverAction } from "@/app/lib/action";
import { requireContext } from "@/app/lib/session";
import {
  createField,
  removeField,
  updateField,
  type CreateFieldInput,
  type CustomField,
  type UpdateFieldInput,
} from "@/server/custom-fields";

// Custom fields in the project settings: the same service verbs as /projects/{id}/fields and /fields/{id}.

export const createFieldAction = serverAction(async function createFieldAction(
  projectId: string,
  input: CreateFieldInput,
): Promise<ActionResult<CustomField>> {
  const ctx = await requireContext();
  return attempt(() => createField({ ctx, projectId, input }));
});

export const updateFieldAction = serverAction(async function updateFieldAction(
  fieldId: string,
  input: UpdateFieldInput,
): Promise<ActionResult<CustomField>> {
  const ctx = await requireContext();
  return attempt(() => updateField({ ctx, fieldId, input }));
});

export const removeFieldAction = serverAction(async function removeFieldAction(fieldId: string): Promise<ActionResult> {
  const ctx = await requireContext();
  const r = await attempt(() => removeField({ ctx, fieldId }));
  return r.ok ? { ok: true, data: undefined } : r;
});
