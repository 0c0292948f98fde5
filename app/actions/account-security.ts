"use server";
import { revalidatePath } from "next/cache";
import { attempt, formString, type ActionResult, serverAction } from "@/app/lib/action";
import { requireContext } from "@/app/lib/session";
import {
  confirmTwoFactorEnrollment,
  disableTwoFactor,
  resendVerificationEmail,
  startTwoFactorEnrollment,
  type TwoFactorEnrollment,
} from "@/server/account";
import { updateWorkspace } from "@/server/workspaces";

export const resendVerificationAction = serverAction(async function resendVerificationAction(): Promise<ActionResult> {
  const ctx = await requireContext();
  const result = await attempt(() => resendVerificationEmail({ ctx }));
  return result.ok ? { ok: true, data: undefined } : result;
});

export const startTwoFactorAction = serverAction(async function startTwoFactorAction(): Promise<ActionResult<TwoFactorEnrollment>> {
  const ctx = await requireContext();
  return attempt(() => startTwoFactorEnrollment({ ctx }));
});

export const confirmTwoFactorAction = serverAction(async function confirmTwoFactorAction(
  _prev: ActionResult<{ recoveryCodes: string[] }> | null,
  form: FormData,
): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  const ctx = await requireContext();
  const result = await attempt(() => confirmTwoFactorEnrollment({ ctx, input: { otp: formString(form, "otp") } }));
  // Not revalidated here: the page would re-render without the codes before the user copied them.
  return result;
});

export const disableTwoFactorAction = serverAction(async function disableTwoFactorAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const ctx = await requireContext();
  const code = formString(form, "code").trim();
  // Six digits is an app code; anything else is taken as a recovery code.
  const input = /^\d{3}\s?\d{3}$/.test(code) ? { otp: code } : { recoveryCode: code };
  const result = await attempt(() => disableTwoFactor({ ctx, input }));
  if (result.ok) revalidatePath("/", "layout");
  return result.ok ? { ok: true, data: undefined } : result;
});

export const setWorkspaceTwoFactorAction = serverAction(async function setWorkspaceTwoFactorAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const ctx = await requireContext();
  const slug = formString(form, "slug");
  const result = await attempt(() =>
    updateWorkspace({ ctx, slug, input: { requireTwoFactor: formString(form, "requireTwoFactor") === "on" } }),
  );
  if (result.ok) revalidatePath(`/w/${slug}`, "layout");
  return result.ok ? { ok: true, data: undefined } : result;
});
