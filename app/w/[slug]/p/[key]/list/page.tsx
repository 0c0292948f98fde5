import type { Metadata } from "next";
import { projectPageTitle } from "@/app/loaders/titles";
import { loadListData, loadProject } from "@/app/loaders/project";
import { requireContext } from "@/app/lib/session";
import { settings } from "@/config/settings";
import { sorts, type TaskSort } from "@/server/tasks/filters";
import { ProjectList } from "@/components/tasks/project-list";
import { filtersFrom } from "@/components/tasks/filters";

export async function generateMetadata({ params }: { params: Promise<{ slug: string; key: string }> }): Promise<Metadata> {
  const { slug, key } = await params;
  return projectPageTitle(slug, key, "List");
}

export default async function ListPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; key: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug, key } = await params;
  const ctx = await requireContext(`/w/${slug}/p/${key}/list`);
  const project = await loadProject(ctx, slug, key);
  const sp = await searchParams;
  const sort =
    typeof sp.sort === "string" && ((sorts as readonly string[]).includes(sp.sort) || /^-?cf\.[0-9a-f-]{36}$/i.test(sp.sort))
      ? (sp.sort as TaskSort)
      : undefined;
  const data = await loadListData(ctx, slug, project, { ...filtersFrom(sp), sort });
  return <ProjectList data={data} me={ctx.userId} realtimeUrl={settings().REALTIME_URL} />;
}
