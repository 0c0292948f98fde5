import type { Metadata } from "next";
import { loadProject } from "@/app/loaders/project";
import { loadScheduleData } from "@/app/loaders/schedule";
import { requireContext } from "@/app/lib/session";
import { settings } from "@/config/settings";
import { filtersFrom } from "@/components/tasks/filters";
import { ProjectTimeline } from "@/components/tasks/schedule/project-timeline";
import { timelineWindow } from "@/components/tasks/schedule/scale";

export const metadata: Metadata = { title: "Timeline" };

export default async function TimelinePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; key: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug, key } = await params;
  const ctx = await requireContext(`/w/${slug}/p/${key}/timeline`);
  const project = await loadProject(ctx, slug, key);
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const { scale, from, to } = timelineWindow({ from: one(sp.from), scale: one(sp.scale) });
  const data = await loadScheduleData(ctx, slug, project, { from, to, filters: filtersFrom(sp) });
  return <ProjectTimeline data={data} scale={scale.id} me={ctx.userId} realtimeUrl={settings().REALTIME_URL} />;
}
