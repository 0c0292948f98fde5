"use server";
import { revalidatePath } from "next/cache";
import { attempt, formString, type ActionResult, serverAction } from "@/app/lib/action";
import { requireContext } from "@/app/lib/session";
import { createToken, revokeToken, updateMe } from "@/server/users";

export const updateProfileAction = serverAction(async function updateProfileAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const ctx = await requireContext();
  const result = await attempt(() => updateMe({ ctx, input: { name: formString(form, "name") } }));
  if (result.ok) revalidatePath("/", "layout");
  return result.ok ? { ok: true, data: undefined } : result;
});

export const changePasswordAction = serverAction(async function changePasswordAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const ctx = await requireContext();
  const password = formString(form, "password");
  if (password !== formString(form, "confirm"))
    return { ok: false, error: "Please fix the highlighted fields", fieldErrors: { confirm: "does not match the new password" } };
  const result = await attempt(() => updateMe({ ctx, input: { password, currentPassword: formString(form, "currentPassword") } }));
  return result.ok ? { ok: true, data: undefined } : result;
});

export const createTokenAction = serverAction(async function createTokenAction(
  _prev: ActionResult<{ name: string; token: string }> | null,
  form: FormData,
): Promise<ActionResult<{ name: string; token: string }>> {
  const ctx = await requireContext();
  const days = Number(formString(form, "expiresInDays"));
  const result = await attempt(() =>
    createToken({ ctx, input: { name: formString(form, "name"), expiresInDays: days > 0 ? days : undefined } }),
  );
  if (!result.ok) return result;
  revalidatePath("/settings/tokens");
  return { ok: true, data: { name: result.data.name, token: result.data.token } };
});

export const revokeTokenAction = serverAction(async function revokeTokenAction(tokenId: string): Promise<ActionResult> {
  const ctx = await requireContext();
  const result = await attempt(() => revokeToken({ ctx, tokenId }));
  if (result.ok) revalidatePath("/settings/tokens");
  return result.ok ? { ok: true, data: undefined } : result;
});
