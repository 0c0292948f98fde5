import styles from "./analytics.module.css";

export type Cell = string | number | null;
export type TableData = { columns: string[]; rows: Cell[][]; numeric?: boolean[] };

/** A plain table: the accessible (and printable) view of every chart. */
export function DataTable({
  caption,
  data,
  captionHidden = false,
  scrollable = true,
}: {
  caption: string;
  data: TableData;
  captionHidden?: boolean;
  scrollable?: boolean;
}) {
  // A scrolling box must be reachable by keyboard; a table read only by screen readers needs no box.
  const wrap = scrollable ? { className: styles.tableWrap, tabIndex: 0, role: "region", "aria-label": caption } : {};
  return (
    <div {...wrap}>
      <table className="table">
        <caption className={captionHidden ? "sr-only" : "muted small"} style={{ textAlign: "left" }}>
          {caption}
        </caption>
        <thead>
          <tr>
            {data.columns.map((c, i) => (
              <th key={c} scope="col" className={data.numeric?.[i] ? styles.num : undefined}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.length === 0 && (
            <tr>
              <td colSpan={data.columns.length} className="muted">
                Nothing in this range.
              </td>
            </tr>
          )}
          {data.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" style={{ fontWeight: 500, color: "var(--text)", fontSize: "inherit" }}>
                    {cell ?? "—"}
                  </th>
                ) : (
                  <td key={i} className={data.numeric?.[i] ? styles.num : undefined}>
                    {cell ?? "—"}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
