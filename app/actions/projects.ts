"use server";
import { redirect } from "next/navigation";
import { attempt, formString, type ActionResult } from "@/app/lib/action";
import { requireContext } from "@/app/lib/session";
import { createProject } from "@/server/projects";

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
