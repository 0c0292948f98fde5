import styles from "./analytics.module.css";
import { DataTable, type TableData } from "./data-table";

/** A titled table with its CSV download. */
export function TableCard({
  title,
  description,
  csvHref,
  data,
}: {
  title: string;
  description?: string;
  csvHref?: string;
  data: TableData;
}) {
  return (
    <section className="card" aria-label={title}>
      <div className={styles.frameHead}>
        <div>
          <h2>{title}</h2>
          {description && <p className="muted small">{description}</p>}
        </div>
        {csvHref && (
          <a className={`btn btn-sm ${styles.noPrint}`} href={csvHref} download>
            CSV<span className="sr-only"> of {title}</span>
          </a>
        )}
      </div>
      <DataTable caption={title} data={data} captionHidden />
    </section>
  );
}
