"use server";
import { attempt, type ActionResult, serverAction } from "@/app/lib/action";
import { requireContext } from "@/app/lib/session";
import type { z } from "zod";
import { createView, listViews, removeView, type CreateViewInput, type SavedView } from "@/server/views";

// Saved views for the board and list filter bar: the same service verbs as /projects/{id}/views.

/** The caller's private views and the project's shared ones (first 100; the menu shows no more). */
export const listViewsAction = serverAction(async function listViewsAction(projectId: string): Promise<ActionResult<SavedView[]>> {
  const ctx = await requireContext();
  return attempt(async () => (await listViews({ ctx, projectId, page: { limit: 100 } })).data);
});

export const createViewAction = serverAction(async function createViewAction(
  projectId: string,
  input: z.input<typeof CreateViewInput>,
): Promise<ActionResult<SavedView>> {
  const ctx = await requireContext();
  return attempt(() => createView({ ctx, projectId, input: input as CreateViewInput }));
});

export const removeViewAction = serverAction(async function removeViewAction(projectId: string, viewId: string): Promise<ActionResult> {
  const ctx = await requireContext();
  const r = await attempt(() => removeView({ ctx, projectId, viewId }));
  return r.ok ? { ok: true, data: undefined } : r;
});
