import type { Metadata } from "next";
import { loadBoardData, loadProject } from "@/app/loaders/project";
import { requireContext } from "@/app/lib/session";
import { settings } from "@/config/settings";
import { ProjectBoard } from "@/components/tasks/project-board";
import { filtersFrom } from "@/components/tasks/filters";

export const metadata: Metadata = { title: "Board" };

export default async function BoardPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; key: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug, key } = await params;
  const ctx = await requireContext(`/w/${slug}/p/${key}/board`);
  const project = await loadProject(ctx, slug, key);
  const data = await loadBoardData(ctx, slug, project, filtersFrom(await searchParams));
  return <ProjectBoard data={data} me={ctx.userId} realtimeUrl={settings().REALTIME_URL} />;
}
