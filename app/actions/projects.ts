"use server";
import { redirect } from "next/navigation";
import { attempt, formString, type ActionResult } from "@/app/lib/action";
import { requireContext } from "@/app/lib/session";
import {
  addProjectMember,
  archiveProject,
  createLabel,
  createProject,
  createStatus,
  removeProjectMember,
  restoreProject,
  updateLabel,
  updateProject,
  updateProjectMember,
  updateStatus,
  type CreateLabelInput,
  type CreateStatusInput,
  type ProjectRole,
  type UpdateLabelInput,
  type UpdateProjectInput,
  type UpdateStatusInput,
} from "@/server/projects";
import { removeLabel, removeStatus } from "@/server/tasks";

export async function createProjectAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await requireContext();
  const slug = formString(form, "slug");
  const input = {
    name: formString(form, "name"),
    key: formString(form, "key").toUpperCase(),
    description: formString(form, "description") || undefined,
    visibility: (formString(form, "visibility") || "workspace") as "workspace" | "private",
  };
  const result = await attempt(() => createProject({ ctx, slug, input }));
  if (!result.ok) return result;
  redirect(`/w/${slug}/p/${result.data.key}/board`);
}

// Project settings: each returns { ok } or the service's refusal; the page refreshes itself on success.
type Done = Promise<ActionResult<unknown>>;
const run = async (fn: (ctx: Awaited<ReturnType<typeof requireContext>>) => Promise<unknown>): Done =>
  attempt(async () => fn(await requireContext()));

export async function updateProjectAction(projectId: string, input: UpdateProjectInput): Done {
  return run((ctx) => updateProject({ ctx, projectId, input }));
}
export async function setArchivedAction(projectId: string, archived: boolean): Done {
  return run((ctx) => (archived ? archiveProject({ ctx, projectId }) : restoreProject({ ctx, projectId })));
}
export async function addProjectMemberAction(projectId: string, userId: string, role: ProjectRole): Done {
  return run((ctx) => addProjectMember({ ctx, projectId, input: { userId, role } }));
}
export async function updateProjectMemberAction(projectId: string, userId: string, role: ProjectRole): Done {
  return run((ctx) => updateProjectMember({ ctx, projectId, userId, input: { role } }));
}
export async function removeProjectMemberAction(projectId: string, userId: string): Done {
  return run((ctx) => removeProjectMember({ ctx, projectId, userId }));
}
export async function createStatusAction(projectId: string, input: CreateStatusInput): Done {
  return run((ctx) => createStatus({ ctx, projectId, input }));
}
export async function updateStatusAction(projectId: string, statusId: string, input: UpdateStatusInput): Done {
  return run((ctx) => updateStatus({ ctx, projectId, statusId, input }));
}
export async function removeStatusAction(projectId: string, statusId: string, moveTo?: string): Done {
  return run((ctx) => removeStatus({ ctx, projectId, statusId, moveTo }));
}
export async function createLabelAction(projectId: string, input: CreateLabelInput): Done {
  return run((ctx) => createLabel({ ctx, projectId, input }));
}
export async function updateLabelAction(projectId: string, labelId: string, input: UpdateLabelInput): Done {
  return run((ctx) => updateLabel({ ctx, projectId, labelId, input }));
}
export async function removeLabelAction(projectId: string, labelId: string): Done {
  return run((ctx) => removeLabel({ ctx, projectId, labelId }));
}
