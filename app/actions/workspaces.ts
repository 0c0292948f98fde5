"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { attempt, formString, type ActionResult, serverAction } from "@/app/lib/action";
import { requireContext } from "@/app/lib/session";
import {
  acceptInvitation,
  addMember,
  createWorkspace,
  removeMember,
  resendInvitation,
  updateMember,
  type PendingInvitation,
  updateWorkspace,
  type WorkspaceRole,
} from "@/server/workspaces";

export const createWorkspaceAction = serverAction(async function createWorkspaceAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const ctx = await requireContext();
  const result = await attempt(() => createWorkspace({ ctx, input: { name: formString(form, "name"), slug: formString(form, "slug") } }));
  if (!result.ok) return result;
  redirect(`/w/${result.data.slug}`);
});

export const updateWorkspaceAction = serverAction(async function updateWorkspaceAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const ctx = await requireContext();
  const slug = formString(form, "currentSlug");
  const result = await attempt(() =>
    updateWorkspace({ ctx, slug, input: { name: formString(form, "name"), slug: formString(form, "slug") } }),
  );
  if (!result.ok) return result;
  if (result.data.slug !== slug) redirect(`/w/${result.data.slug}/settings`);
  revalidatePath(`/w/${slug}`, "layout");
  return { ok: true, data: undefined };
});

export const inviteMemberAction = serverAction(async function inviteMemberAction(
  _prev: ActionResult<string> | null,
  form: FormData,
): Promise<ActionResult<string>> {
  const ctx = await requireContext();
  const slug = formString(form, "slug");
  const email = formString(form, "email");
  const result = await attempt(() => addMember({ ctx, slug, input: { email, role: formString(form, "role") as WorkspaceRole } }));
  if (!result.ok) return result;
  revalidatePath(`/w/${slug}/settings`);
  const message =
    result.data.kind === "member"
      ? `${result.data.member.user.name} joined as ${result.data.member.role}.`
      : `Invitation sent to ${result.data.invitation.email} (${result.data.invitation.role}).`;
  return { ok: true, data: message };
});

export const changeRoleAction = serverAction(async function changeRoleAction(
  slug: string,
  userId: string,
  role: WorkspaceRole,
): Promise<ActionResult> {
  const ctx = await requireContext();
  const result = await attempt(() => updateMember({ ctx, slug, userId, input: { role } }));
  if (result.ok) revalidatePath(`/w/${slug}/settings`);
  return result.ok ? { ok: true, data: undefined } : result;
});

export const removeMemberAction = serverAction(async function removeMemberAction(slug: string, userId: string): Promise<ActionResult> {
  const ctx = await requireContext();
  const result = await attempt(() => removeMember({ ctx, slug, userId }));
  if (!result.ok) return result;
  if (userId === ctx.userId) redirect("/");
  revalidatePath(`/w/${slug}/settings`);
  return { ok: true, data: undefined };
});

export const acceptInvitationAction = serverAction(async function acceptInvitationAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const token = formString(form, "token");
  const ctx = await requireContext(`/invitations/${token}`);
  const result = await attempt(() => acceptInvitation({ ctx, token }));
  if (!result.ok) return result;
  redirect(`/w/${result.data.workspace.slug}`);
});

/** "Resend" on a pending invitation: a fresh link through the email queue; the list shows its delivery status. */
export const resendInvitationAction = serverAction(async function resendInvitationAction(
  slug: string,
  invitationId: string,
): Promise<ActionResult<PendingInvitation>> {
  const ctx = await requireContext();
  const result = await attempt(() => resendInvitation({ ctx, slug, invitationId }));
  if (result.ok) revalidatePath(`/w/${slug}/settings`);
  return result;
});
