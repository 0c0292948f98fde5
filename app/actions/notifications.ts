"use server";
import { revalidatePath } from "next/cache";
import { attempt, type ActionResult, serverAction } from "@/app/lib/action";
import { requireContext } from "@/app/lib/session";
import {
  markAllNotificationsRead,
  markNotificationRead,
  updateNotificationPreferences,
  type NotificationPreferences,
  type UpdateNotificationPreferences,
} from "@/server/notifications";

export const markReadAction = serverAction(async function markReadAction(id: string): Promise<ActionResult> {
  const ctx = await requireContext();
  const r = await attempt(() => markNotificationRead({ ctx, id }));
  if (r.ok) revalidatePath("/notifications");
  return r.ok ? { ok: true, data: undefined } : r;
});

export const markAllReadAction = serverAction(async function markAllReadAction(): Promise<ActionResult> {
  const ctx = await requireContext();
  const r = await attempt(() => markAllNotificationsRead({ ctx }));
  if (r.ok) revalidatePath("/", "layout");
  return r.ok ? { ok: true, data: undefined } : r;
});

export const updatePreferencesAction = serverAction(async function updatePreferencesAction(
  input: UpdateNotificationPreferences,
): Promise<ActionResult<NotificationPreferences>> {
  const ctx = await requireContext();
  return attempt(() => updateNotificationPreferences({ ctx, input }));
});
