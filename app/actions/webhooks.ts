"use server";
import { revalidatePath } from "next/cache";
import { attempt, formString, type ActionResult, serverAction } from "@/app/lib/action";
import { requireContext } from "@/app/lib/session";
import { createWebhook, removeWebhook, type CreateWebhookInput } from "@/server/webhooks";

export const createWebhookAction = serverAction(async function createWebhookAction(
  _prev: ActionResult<{ url: string; secret: string }> | null,
  form: FormData,
): Promise<ActionResult<{ url: string; secret: string }>> {
  const ctx = await requireContext();
  const slug = formString(form, "slug");
  const events = form.getAll("events").map(String) as CreateWebhookInput["events"];
  const r = await attempt(() =>
    createWebhook({ ctx, slug, input: { url: formString(form, "url"), events, secret: formString(form, "secret") || undefined } }),
  );
  if (!r.ok) return r;
  revalidatePath(`/w/${slug}/settings`);
  return { ok: true, data: { url: r.data.url, secret: r.data.secret } };
});

export const removeWebhookAction = serverAction(async function removeWebhookAction(slug: string, webhookId: string): Promise<ActionResult> {
  const ctx = await requireContext();
  const r = await attempt(() => removeWebhook({ ctx, slug, webhookId }));
  if (r.ok) revalidatePath(`/w/${slug}/settings`);
  return r.ok ? { ok: true, data: undefined } : r;
});
