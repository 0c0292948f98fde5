"use client";

import { useId, useState } from "react";
import styles from "./analytics.module.css";
import { DataTable, type TableData } from "./data-table";

/**
 * A chart with its data: the table is always in the page (screen readers read it; sighted users
 * can switch to it), the chart itself is hidden from assistive technology.
 */
export function ChartFrame(props: { title: string; description: string; csvHref?: string; table: TableData; children: React.ReactNode }) {
  const [view, setView] = useState<"chart" | "table">("chart");
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <div className={styles.frameHead}>
        <div>
          <h2 id={headingId}>{props.title}</h2>
          <p className="muted small">{props.description}</p>
        </div>
        <div className={`row ${styles.noPrint}`}>
          <button
            type="button"
            className="btn btn-sm"
            aria-pressed={view === "table"}
            onClick={() => setView(view === "chart" ? "table" : "chart")}
          >
            {view === "chart" ? "Show table" : "Show chart"}
          </button>
          {props.csvHref && (
            <a className="btn btn-sm" href={props.csvHref} download>
              CSV<span className="sr-only"> of {props.title}</span>
            </a>
          )}
        </div>
      </div>
      {view === "chart" && (
        // inert: the chart's own focus stops (recharts' keyboard layer) must not hide inside aria-hidden.
        <div className={styles.chart} aria-hidden="true" inert>
          {props.children}
        </div>
      )}
      <div className={view === "chart" ? "sr-only" : undefined}>
        <DataTable caption={props.title} data={props.table} captionHidden scrollable={view === "table"} />
      </div>
    </section>
  );
}
