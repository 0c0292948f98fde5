"use server";
import { redirect } from "next/navigation";
import { attempt, formString, type ActionResult, serverAction } from "@/app/lib/action";
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

export const createProjectAction = serverAction(async function createProjectAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
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
});

// Project settings: each returns { ok } or the service's refusal; the page refreshes itself on success.
type Done = Promise<ActionResult<unknown>>;
const run = async (fn: (ctx: Awaited<ReturnType<typeof requireContext>>) => Promise<unknown>): Done =>
  attempt(async () => fn(await requireContext()));

export const updateProjectAction = serverAction(async function updateProjectAction(projectId: string, input: UpdateProjectInput): Done {
  return run((ctx) => updateProject({ ctx, projectId, input }));
});
export const setArchivedAction = serverAction(async function setArchivedAction(projectId: string, archived: boolean): Done {
  return run((ctx) => (archived ? archiveProject({ ctx, projectId }) : restoreProject({ ctx, projectId })));
});
export const addProjectMemberAction = serverAction(async function addProjectMemberAction(
  projectId: string,
  userId: string,
  role: ProjectRole,
): Done {
  return run((ctx) => addProjectMember({ ctx, projectId, input: { userId, role } }));
});
export const updateProjectMemberAction = serverAction(async function updateProjectMemberAction(
  projectId: string,
  userId: string,
  role: ProjectRole,
): Done {
  return run((ctx) => updateProjectMember({ ctx, projectId, userId, input: { role } }));
});
export const removeProjectMemberAction = serverAction(async function removeProjectMemberAction(projectId: string, userId: string): Done {
  return run((ctx) => removeProjectMember({ ctx, projectId, userId }));
});
export const createStatusAction = serverAction(async function createStatusAction(projectId: string, input: CreateStatusInput): Done {
  return run((ctx) => createStatus({ ctx, projectId, input }));
});
export const updateStatusAction = serverAction(async function updateStatusAction(
  projectId: string,
  statusId: string,
  input: UpdateStatusInput,
): Done {
  return run((ctx) => updateStatus({ ctx, projectId, statusId, input }));
});
export const removeStatusAction = serverAction(async function removeStatusAction(
  projectId: string,
  statusId: string,
  moveTo?: string,
): Done {
  return run((ctx) => removeStatus({ ctx, projectId, statusId, moveTo }));
});
export const createLabelAction = serverAction(async function createLabelAction(projectId: string, input: CreateLabelInput): Done {
  return run((ctx) => createLabel({ ctx, projectId, input }));
});
export const updateLabelAction = serverAction(async function updateLabelAction(
  projectId: string,
  labelId: string,
  input: UpdateLabelInput,
): Done {
  return run((ctx) => updateLabel({ ctx, projectId, labelId, input }));
});
export const removeLabelAction = serverAction(async function removeLabelAction(projectId: string, labelId: string): Done {
  return run((ctx) => removeLabel({ ctx, projectId, labelId }));
});
