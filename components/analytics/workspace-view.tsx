import Link from "next/link";
import type { WorkspaceAnalytics } from "@/server/analytics/schemas";
import styles from "./analytics.module.css";
import { HeadlineTiles, hoursLabel } from "./headline-tiles";
import { workspaceCsvHref } from "./links";
import { TableCard } from "./table-card";
import { ThroughputChart } from "./throughput-chart";
import { WorkloadChart } from "./workload-chart";

/** The workspace overview: the project headline figures summed over the projects you can see. */
export function WorkspaceAnalyticsView({ slug, a }: { slug: string; a: WorkspaceAnalytics }) {
  const csv = (table: string) => workspaceCsvHref(slug, table, a.range);
  const created = a.throughput.reduce((n, w) => n + w.created, 0);
  return (
    <>
      <HeadlineTiles
        tiles={[
          { label: "Open tasks", value: a.counts.open },
          { label: "Overdue", value: a.overdue, warn: a.overdue > 0 },
          { label: "Due this week", value: a.dueThisWeek },
          { label: "Blocked", value: a.blocked, warn: a.blocked > 0, hint: "Open tasks with an open blocker" },
          { label: "Unassigned", value: a.unassigned },
          { label: "Created / completed", value: `${created} / ${a.completedCount}`, hint: "In the selected range" },
          { label: "Cycle time p50 / p85", value: `${hoursLabel(a.cycleTimeHours.p50)} / ${hoursLabel(a.cycleTimeHours.p85)}` },
          { label: "Lead time p50 / p85", value: `${hoursLabel(a.leadTimeHours.p50)} / ${hoursLabel(a.leadTimeHours.p85)}` },
        ]}
      />
      <section className="card" aria-labelledby="projects-heading" style={{ marginBottom: 16 }}>
        <div className={styles.frameHead}>
          <div>
            <h2 id="projects-heading">Projects</h2>
            <p className="muted small">Where work is stuck: open, overdue and blocked tasks now; created and completed in the range.</p>
          </div>
          <a className="btn btn-sm" href={csv("projects")} download>
            CSV<span className="sr-only"> of projects</span>
          </a>
        </div>
        {a.projects.length === 0 ? (
          <p className="muted">You can see no active project in this workspace.</p>
        ) : (
          <div className={styles.tableWrap} tabIndex={0} role="region" aria-labelledby="projects-heading">
            <table className="table">
              <thead>
                <tr>
                  {["Project", "Open", "Overdue", "Due this week", "Blocked", "Unassigned", "Created", "Completed", "Cycle p50"].map(
                    (c, i) => (
                      <th key={c} scope="col" className={i > 0 ? styles.num : undefined}>
                        {c}
                      </th>
                    ),
                  )}
                </tr>
              </thead>
              <tbody>
                {a.projects.map((p) => (
                  <tr key={p.id}>
                    <th scope="row" style={{ fontWeight: 500, fontSize: "inherit", color: "var(--text)" }}>
                      <Link href={`/w/${slug}/p/${p.key}/analytics?${new URLSearchParams({ from: a.range.from, to: a.range.to })}`}>
                        {p.name}
                      </Link>{" "}
                      <span className="muted small">{p.key}</span>
                    </th>
                    {[p.open, p.overdue, p.dueThisWeek, p.blocked, p.unassigned, p.created, p.completed].map((n, i) => (
                      <td key={i} className={styles.num}>
                        {n}
                      </td>
                    ))}
                    <td className={styles.num}>{hoursLabel(p.cycleTimeP50)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <div className={styles.grid}>
        <ThroughputChart weeks={a.throughput} csvHref={csv("throughput")} />
        <WorkloadChart load={a.counts.byAssignee} csvHref={csv("assignee")} />
        <TableCard
          title="Open tasks by category"
          csvHref={csv("category")}
          data={{ columns: ["Category", "Open"], rows: Object.entries(a.counts.byCategory).slice(0, 3), numeric: [false, true] }}
        />
        <TableCard
          title="Open tasks by priority"
          csvHref={csv("priority")}
          data={{ columns: ["Priority", "Open"], rows: Object.entries(a.counts.byPriority).reverse(), numeric: [false, true] }}
        />
      </div>
    </>
  );
}
