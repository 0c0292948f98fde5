import type { Metadata } from "next";
import { taskPageTitle } from "@/app/loaders/titles";
import { notFound } from "next/navigation";
import { loadProject, loadProjectMeta } from "@/app/loaders/project";
import { requireContext } from "@/app/lib/session";
import { TaskDetail } from "@/components/tasks/detail/task-detail";
import { NotFoundError } from "@/server/errors";
import { getTaskDetail } from "@/server/tasks";
import { settings } from "@/config/settings";

export async function generateMetadata({ params }: { params: Promise<{ slug: string; taskKey: string }> }): Promise<Metadata> {
  const { slug, taskKey } = await params;
  return taskPageTitle(slug, taskKey);
}

export default async function TaskPage({ params }: { params: Promise<{ slug: string; taskKey: string }> }) {
  const { slug, taskKey } = await params;
  const ctx = await requireContext(`/w/${slug}/t/${taskKey}`);
  const ref = decodeURIComponent(taskKey).toUpperCase();
  const detail = await getTaskDetail({ ctx, ref: { idOrKey: ref, workspace: slug } }).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const project = await loadProject(ctx, slug, detail.task.key.split("-")[0]!);
  const meta = await loadProjectMeta(ctx, slug, project);
  return (
    <div style={{ margin: "-20px -24px" }}>
      <TaskDetail initial={detail} meta={meta} me={ctx.userId} realtimeUrl={settings().REALTIME_URL} />
    </div>
  );
}
