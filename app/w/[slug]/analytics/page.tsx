import type { Metadata } from "next";
import { requireContext } from "@/app/lib/session";
import styles from "@/components/analytics/analytics.module.css";
import { loadWorkspaceAnalytics } from "@/app/loaders/analytics";
import { RangeForm } from "@/components/analytics/range-form";
import { WorkspaceAnalyticsView } from "@/components/analytics/workspace-view";

export const metadata: Metadata = { title: "Workspace analytics" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WorkspaceAnalyticsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const ctx = await requireContext(`/w/${slug}/analytics`);
  const { data: a, error } = await loadWorkspaceAnalytics(ctx, slug, searchParams);
  return (
    <div className={styles.root}>
      <h1>Analytics</h1>
      <p className="muted small">
        Across the active projects you can see. Open-task figures are as of now; the charts cover {a.range.from} to {a.range.to}, read in
        each project&apos;s time zone.
      </p>
      <RangeForm from={a.range.from} to={a.range.to} error={error} />
      <WorkspaceAnalyticsView slug={slug} a={a} />
    </div>
  );
}
