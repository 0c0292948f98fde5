import type { TimeReport } from "@/server/time-tracking";
import { formatDuration } from "@/components/time-tracking/duration";
import styles from "./analytics.module.css";
import { TableCard } from "./table-card";

/** The Analytics tab's time tracking: time per person and per label over the range, and the entries as CSV. */
export function TimeSpentView({ projectId, report }: { projectId: string; report: TimeReport }) {
  const range = new URLSearchParams({ from: report.range.from, to: report.range.to });
  const csvHref = `/api/v1/projects/${projectId}/time-entries/export.csv?${range}`;
  return (
    <section aria-labelledby="time-spent-heading" className="stack" style={{ marginTop: 16 }}>
      <div className="row-between">
        <div>
          <h2 id="time-spent-heading">Time spent</h2>
          <p className="muted small" data-testid="time-total">
            {formatDuration(report.totalSeconds)} logged in {report.entries} {report.entries === 1 ? "entry" : "entries"} from{" "}
            {report.range.from} to {report.range.to}; running timers count once stopped.
          </p>
        </div>
        <a className={`btn btn-sm ${styles.noPrint}`} href={csvHref} download>
          CSV of time entries
        </a>
      </div>
      <div className={styles.grid}>
        <TableCard
          title="Time per person"
          data={{
            columns: ["Person", "Hours", "Entries"],
            rows: report.byUser.map((r) => [r.user.name, r.hours, r.entries]),
            numeric: [false, true, true],
          }}
        />
        <TableCard
          title="Time per label"
          description="An entry counts for every label of its task."
          data={{
            columns: ["Label", "Hours", "Entries"],
            rows: report.byLabel.map((r) => [r.label?.name ?? "(no label)", r.hours, r.entries]),
            numeric: [false, true, true],
          }}
        />
      </div>
    </section>
  );
}
