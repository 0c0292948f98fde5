import { PRIORITY_LABEL, type PriorityName } from "./types";

const PRIORITY_GLYPH: Record<PriorityName, string> = { none: "", low: "▂", medium: "▄", high: "▆", urgent: "!" };

export function PriorityBadge({ priority }: { priority: string }) {
  const p = priority as PriorityName;
  if (p === "none") return null;
  return (
    <span
      className="badge"
      style={p === "urgent" ? { background: "var(--danger-soft)", color: "var(--danger)" } : undefined}
      title={`Priority: ${PRIORITY_LABEL[p]}`}
    >
      <span aria-hidden="true">{PRIORITY_GLYPH[p]}</span> {PRIORITY_LABEL[p]}
    </span>
  );
}

export function DueDate({ date, done }: { date: string | null; done?: boolean }) {
  if (!date) return null;
  const today = new Date().toISOString().slice(0, 10);
  const overdue = !done && date < today;
  const label = new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
  return (
    <span
      className="badge"
      style={overdue ? { color: "var(--danger)" } : undefined}
      title={overdue ? `Overdue: due ${date}` : `Due ${date}`}
    >
      {overdue ? "Overdue · " : "Due "}
      {label}
    </span>
  );
}
