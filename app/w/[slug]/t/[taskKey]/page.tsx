import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { loadTaskDetailAction } from "@/app/actions/tasks";
import { loadProjectMeta } from "@/app/lib/project";
import { requireContext } from "@/app/lib/session";
import { TaskDetail } from "@/components/tasks/detail/task-detail";
import { getProject } from "@/server/projects";
import { settings } from "@/config/settings";

export async function generateMetadata({ params }: { params: Promise<{ taskKey: string }> }): Promise<Metadata> {
  return { title: decodeURIComponent((await params).taskKey).toUpperCase() };
}

export default async function TaskPage({ params }: { params: Promise<{ slug: string; taskKey: string }> }) {
  const { slug, taskKey } = await params;
  const ctx = await requireContext(`/w/${slug}/t/${taskKey}`);
  const detail = await loadTaskDetailAction(decodeURIComponent(taskKey).toUpperCase());
  if (!detail.ok) notFound();
  const project = await getProject({ ctx, projectId: detail.data.task.projectId });
  const meta = await loadProjectMeta(ctx, slug, project);
  return (
    <div style={{ margin: "-20px -24px" }}>
      <TaskDetail initial={detail.data} meta={meta} me={ctx.userId} realtimeUrl={settings().REALTIME_URL} />
    </div>
  );
}
