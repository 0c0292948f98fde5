import type { Metadata } from "next";
import Link from "next/link";
import { projectPageTitle } from "@/app/loaders/titles";
import { requireContext } from "@/app/lib/session";
import { loadProject } from "@/app/loaders/project";
import { loadCycleReport } from "@/app/loaders/cycles";
import styles from "@/components/analytics/analytics.module.css";
import { HeadlineTiles } from "@/components/analytics/headline-tiles";
import { BurndownChart } from "@/components/cycles/burndown-chart";

export async function generateMetadata({ params }: { params: Promise<{ slug: string; key: string }> }): Promise<Metadata> {
  const { slug, key } = await params;
  return projectPageTitle(slug, key, "Cycle report");
}

type Props = { params: Promise<{ slug: string; key: string; cycleId: string }> };

export default async function CycleReportPage({ params }: Props) {
  const { slug, key, cycleId } = await params;
  const ctx = await requireContext(`/w/${slug}/p/${key}/cycles/${cycleId}`);
  const project = await loadProject(ctx, slug, key);
  const { cycle, report } = await loadCycleReport(ctx, project, cycleId);
  const base = `/w/${slug}/p/${project.key}`;
  const value = (a: { tasks: number; points: number }) => (report.unit === "points" ? `${a.points} pt · ${a.tasks}` : a.tasks);
  return (
    <div className={styles.root}>
      <div className="row-between" style={{ marginBottom: 8 }}>
        <h1>{cycle.name}</h1>
        <div className="row">
          <Link className="btn btn-sm" href={`${base}/board?cycle=${cycle.id}`}>
            Board
          </Link>
          <Link className="btn btn-sm" href={`${base}/cycles`}>
            All cycles
          </Link>
        </div>
      </div>
      <p className="muted small">
        {cycle.startDate} – {cycle.endDate} ·{" "}
        {report.frozen ? "Completed: the numbers as they stood when it ended." : "In progress: the numbers as of now."} Counted in{" "}
        {report.unit === "points" ? "estimate points (and tasks)" : "tasks (no task has an estimate)"}.
      </p>
      <HeadlineTiles
        tiles={[
          { label: "Scope at start", value: value(report.scopeAtStart) },
          { label: "Added", value: value(report.added) },
          { label: "Removed", value: value(report.removed) },
          { label: "Completed", value: value(report.completed) },
          { label: "Carried over", value: value(report.carriedOver), hint: "Unfinished at the end: moved to the next cycle" },
        ]}
      />
      {report.days.length > 0 ? <BurndownChart report={report} /> : <p className="muted">The cycle has not started yet.</p>}
    </div>
  );
}
