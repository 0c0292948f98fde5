import styles from "./analytics.module.css";

type Tile = { label: string; value: number | string; warn?: boolean; hint?: string };

/** The numbers a lead reads first. */
export function HeadlineTiles({ tiles }: { tiles: Tile[] }) {
  return (
    <ul className={styles.tiles} style={{ listStyle: "none", padding: 0, margin: "0 0 16px" }} aria-label="Headline figures">
      {tiles.map((t) => (
        <li key={t.label} className={`${styles.tile} ${t.warn ? styles.tileWarn : ""}`} title={t.hint}>
          <div className={styles.tileValue}>{t.value}</div>
          <div className={styles.tileLabel}>{t.label}</div>
        </li>
      ))}
    </ul>
  );
}

export const hoursLabel = (h: number | null) => (h === null ? "—" : h >= 48 ? `${Math.round(h / 2.4) / 10} d` : `${h} h`);
