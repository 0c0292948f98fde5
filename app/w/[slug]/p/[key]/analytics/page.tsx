import type { Metadata } from "next";
import { projectPageTitle } from "@/app/loaders/titles";
import Link from "next/link";
import { requireContext } from "@/app/lib/session";
import styles from "@/components/analytics/analytics.module.css";
import { projectCsvHref } from "@/components/analytics/links";
import { loadProjectAnalytics, loadProjectTimeReport } from "@/app/loaders/analytics";
import { ProjectAnalyticsView } from "@/components/analytics/project-view";
import { RangeForm } from "@/components/analytics/range-form";
import { TimeSpentView } from "@/components/analytics/time-spent";

export async function generateMetadata({ params }: { params: Promise<{ slug: string; key: string }> }): Promise<Metadata> {
  const { slug, key } = await params;
  return projectPageTitle(slug, key, "Analytics");
}

type Props = { params: Promise<{ slug: string; key: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProjectAnalyticsPage({ params, searchParams }: Props) {
  const { slug, key } = await params;
  const ctx = await requireContext(`/w/${slug}/p/${key}/analytics`);
  const { data, error } = await loadProjectAnalytics(ctx, slug, key, searchParams);
  const { project, analytics: a } = data;
  const range = new URLSearchParams({ from: a.range.from, to: a.range.to });
  const timeReport = await loadProjectTimeReport(ctx, project.id, a.range);
  return (
    <div className={styles.root}>
      <div className="row-between" style={{ marginBottom: 8 }}>
        <h1>Analytics</h1>
        <div className="row">
          <a className="btn btn-sm" href={projectCsvHref(project.id, "summary", a.range)} download>
            CSV summary
          </a>
          <Link className="btn btn-sm" href={`/w/${slug}/p/${project.key}/report?${range}`}>
            Printable report
          </Link>
        </div>
      </div>
      <p className="muted small">
        Open-task figures are as of now; the charts cover {a.range.from} to {a.range.to} ({a.range.timezone}).
      </p>
      <RangeForm from={a.range.from} to={a.range.to} error={error} />
      <ProjectAnalyticsView project={project} a={a} />
      <TimeSpentView projectId={project.id} report={timeReport} />
    </div>
  );
}
