import type { Metadata } from "next";
import { loadProject } from "@/app/loaders/project";
import { loadScheduleData } from "@/app/loaders/schedule";
import { requireContext } from "@/app/lib/session";
import { settings } from "@/config/settings";
import { filtersFrom } from "@/components/tasks/filters";
import { ProjectCalendar } from "@/components/tasks/schedule/project-calendar";
import { monthGrid } from "@/components/tasks/schedule/month";

export const metadata: Metadata = { title: "Calendar" };

export default async function CalendarPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; key: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug, key } = await params;
  const ctx = await requireContext(`/w/${slug}/p/${key}/calendar`);
  const project = await loadProject(ctx, slug, key);
  const sp = await searchParams;
  const { month, from, to } = monthGrid(Array.isArray(sp.month) ? sp.month[0] : sp.month);
  const data = await loadScheduleData(ctx, slug, project, { from, to, filters: filtersFrom(sp) });
  return <ProjectCalendar data={data} month={month} me={ctx.userId} realtimeUrl={settings().REALTIME_URL} />;
}
