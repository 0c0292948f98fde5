import type { Metadata } from "next";
import { projectPageTitle } from "@/app/loaders/titles";
import Link from "next/link";
import { requireContext } from "@/app/lib/session";
import styles from "@/components/analytics/analytics.module.css";
import { loadProjectAnalytics } from "@/app/loaders/analytics";
import { PrintButton } from "@/components/analytics/print-button";
import { ProjectAnalyticsView } from "@/components/analytics/project-view";
import { RangeForm } from "@/components/analytics/range-form";

export async function generateMetadata({ params }: { params: Promise<{ slug: string; key: string }> }): Promise<Metadata> {
  const { slug, key } = await params;
  return projectPageTitle(slug, key, "Project report");
}

type Props = { params: Promise<{ slug: string; key: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The Analytics tab as a document: print styles keep only the report, light on white. */
export default async function ProjectReportPage({ params, searchParams }: Props) {
  const { slug, key } = await params;
  const ctx = await requireContext(`/w/${slug}/p/${key}/report`);
  const { data, error } = await loadProjectAnalytics(ctx, slug, key, searchParams);
  const { project, analytics: a } = data;
  const generated = new Date().toISOString().replace("T", " ").slice(0, 16);
  return (
    <article className={`${styles.root} ${styles.report}`}>
      <div className={`row-between ${styles.noPrint}`} style={{ marginBottom: 12 }}>
        <Link href={`/w/${slug}/p/${project.key}/analytics?${new URLSearchParams({ from: a.range.from, to: a.range.to })}`}>
          ← Back to analytics
        </Link>
        <PrintButton />
      </div>
      <header style={{ marginBottom: 12 }}>
        <h1>
          {project.name} ({project.key}) — flow report
        </h1>
        <p className="muted">
          {a.range.from} to {a.range.to} ({a.range.timezone}) · open-task figures as of {generated} UTC
        </p>
      </header>
      <RangeForm from={a.range.from} to={a.range.to} error={error} />
      <ProjectAnalyticsView project={project} a={a} />
    </article>
  );
}
