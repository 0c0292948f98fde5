import type { Metadata } from "next";
import { projectPageTitle } from "@/app/loaders/titles";
import { loadBoardData, loadProject } from "@/app/loaders/project";
import { requireContext } from "@/app/lib/session";
import { settings } from "@/config/settings";
import { ProjectBoard } from "@/components/tasks/project-board";
import { filtersFrom } from "@/components/tasks/filters";

export async function generateMetadata({ params }: { params: Promise<{ slug: string; key: string }> }): Promise<Metadata> {
  const { slug, key } = await params;
  return projectPageTitle(slug, key, "Board");
}

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
  // Cards do not show descriptions (the drawer loads the whole task), so the page does not ship them:
  // at hundreds of cards they are most of the payload the browser parses before the board is interactive.
  const tasks = data.tasks.map((t) => (t.description ? { ...t, description: "" } : t));
  return <ProjectBoard data={{ ...data, tasks }} me={ctx.userId} realtimeUrl={settings().REALTIME_URL} />;
}
