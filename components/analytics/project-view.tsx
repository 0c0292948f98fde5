import Link from "next/link";
import type { AnalyticsProject } from "@/server/analytics";
import type { ProjectAnalytics } from "@/server/analytics/schemas";
import styles from "./analytics.module.css";
import { CumulativeFlowChart } from "./cumulative-flow-chart";
import { CycleTimeChart } from "./cycle-time-chart";
import { HeadlineTiles, hoursLabel } from "./headline-tiles";
import { projectCsvHref } from "./links";
import { TableCard } from "./table-card";
import { ThroughputChart } from "./throughput-chart";
import { WorkloadChart } from "./workload-chart";

/** Everything the Analytics tab and the printable report show for one project. */
export function ProjectAnalyticsView({ project, a }: { project: AnalyticsProject; a: ProjectAnalytics }) {
  const csv = (table: string) => projectCsvHref(project.id, table, a.range);
  const open = a.counts.byStatus.reduce((n, s) => n + s.count, 0);
  const created = a.throughput.reduce((n, w) => n + w.created, 0);
  return (
    <>
      <HeadlineTiles
        tiles={[
          { label: "Open tasks", value: open },
          { label: "Overdue", value: a.overdue, warn: a.overdue > 0 },
          { label: "Due this week", value: a.dueThisWeek },
          { label: "Blocked", value: a.blocked, warn: a.blocked > 0, hint: "Open tasks with an open blocker" },
          { label: "Unassigned", value: a.unassigned },
          { label: "Created / completed", value: `${created} / ${a.completedCount}`, hint: "In the selected range" },
          { label: "Cycle time p50 / p85", value: `${hoursLabel(a.cycleTimeHours.p50)} / ${hoursLabel(a.cycleTimeHours.p85)}` },
          { label: "Lead time p50 / p85", value: `${hoursLabel(a.leadTimeHours.p50)} / ${hoursLabel(a.leadTimeHours.p85)}` },
        ]}
      />
      <div className={styles.grid}>
        <ThroughputChart weeks={a.throughput} csvHref={csv("throughput")} />
        <CumulativeFlowChart days={a.cumulativeFlow} statuses={a.counts.byStatus} csvHref={csv("cumulative-flow")} />
        <CycleTimeChart tasks={a.completions} percentiles={a.cycleTimeHours} csvHref={csv("completions")} />
        <WorkloadChart load={a.counts.byAssignee} csvHref={csv("assignee")} />
      </div>
      <div className={styles.grid}>
        <TableCard
          title="Open tasks by status"
          csvHref={csv("status")}
          data={{
            columns: ["Status", "Category", "Open"],
            rows: a.counts.byStatus
              .filter((s) => s.category !== "completed" && s.category !== "canceled")
              .map((s) => [s.name, s.category, s.count]),
            numeric: [false, false, true],
          }}
        />
        <TableCard
          title="Open tasks by priority"
          csvHref={csv("priority")}
          data={{ columns: ["Priority", "Open"], rows: Object.entries(a.counts.byPriority).reverse(), numeric: [false, true] }}
        />
        <section className="card" aria-labelledby="slowest-heading">
          <div className={styles.frameHead}>
            <div>
              <h2 id="slowest-heading">Slowest completed tasks</h2>
              <p className="muted small">By cycle time, then lead time, among tasks completed in the range.</p>
            </div>
            <a className={`btn btn-sm ${styles.noPrint}`} href={csv("slowest")} download>
              CSV<span className="sr-only"> of the slowest tasks</span>
            </a>
          </div>
          {a.slowest.length === 0 ? (
            <p className="muted">Nothing was completed in this range.</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Task</th>
                  <th scope="col" className={styles.num}>
                    Cycle
                  </th>
                  <th scope="col" className={styles.num}>
                    Lead
                  </th>
                </tr>
              </thead>
              <tbody>
                {a.slowest.map((t) => (
                  <tr key={t.id}>
                    <th scope="row" style={{ fontWeight: 500, fontSize: "inherit", color: "var(--text)" }}>
                      <Link href={`/w/${project.workspaceSlug}/t/${t.key}`}>{t.key}</Link> {t.title}
                    </th>
                    <td className={styles.num}>{hoursLabel(t.cycleTimeHours)}</td>
                    <td className={styles.num}>{hoursLabel(t.leadTimeHours)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </>
  );
}
