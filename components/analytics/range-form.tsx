import styles from "./analytics.module.css";

/** A plain GET form: works without JavaScript and keeps the range in the URL (shareable, printable). */
export function RangeForm({ from, to, error }: { from: string; to: string; error?: string }) {
  return (
    <form method="get" className={`${styles.rangeForm} ${styles.noPrint}`} aria-label="Date range">
      <div className="field">
        <label htmlFor="range-from">From</label>
        <input id="range-from" type="date" name="from" defaultValue={from} required />
      </div>
      <div className="field">
        <label htmlFor="range-to">To</label>
        <input id="range-to" type="date" name="to" defaultValue={to} required />
      </div>
      <button type="submit" className="btn">
        Apply
      </button>
      {error && (
        <p role="alert" className="field-error" style={{ flexBasis: "100%" }}>
          {error}
        </p>
      )}
    </form>
  );
}
