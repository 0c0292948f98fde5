import { daysBetween } from "./dates";
import type { Task } from "../types";
import css from "./schedule.module.css";

export const ROW_HEIGHT = 34;
export const HEAD_HEIGHT = 30;

type Row = { task: Task; span: { start: string; end: string } };

/**
 * "Blocked by" as arrows from the end of the blocker's bar to the start of the blocked one; an
 * arrow that has to run backwards (the blocked task starts before its blocker ends) is marked late.
 */
export function TimelineArrows(props: { rows: Row[]; dependencies: { taskId: string; blockedById: string }[]; from: string; px: number }) {
  const { rows, dependencies, from, px } = props;
  const index = new Map(rows.map((r, i) => [r.task.id, i]));
  const mid = (i: number) => HEAD_HEIGHT + i * ROW_HEIGHT + ROW_HEIGHT / 2;
  const paths = dependencies.flatMap((d) => {
    const a = index.get(d.blockedById);
    const b = index.get(d.taskId);
    const blocker = a === undefined ? undefined : rows[a];
    const blocked = b === undefined ? undefined : rows[b];
    if (a === undefined || b === undefined || !blocker || !blocked) return [];
    const x1 = (daysBetween(from, blocker.span.end) + 1) * px;
    const x2 = daysBetween(from, blocked.span.start) * px;
    const [y1, y2] = [mid(a), mid(b)];
    const late = x2 < x1;
    const d1 = late
      ? `M ${x1} ${y1} h 8 V ${(y1 + y2) / 2} H ${x2 - 8} V ${y2} H ${x2 - 2}`
      : `M ${x1} ${y1} h ${Math.max((x2 - x1) / 2, 4)} V ${y2} H ${x2 - 2}`;
    return [{ key: `${d.blockedById}-${d.taskId}`, d: d1, late, title: `${blocked.task.key} is blocked by ${blocker.task.key}` }];
  });
  if (!paths.length) return null;
  return (
    <svg className={css.arrows} aria-hidden="true">
      <defs>
        <marker id="timeline-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto">
          <path d="M0,0 L8,4 L0,8 z" fill="context-stroke" />
        </marker>
      </defs>
      {paths.map((p) => (
        <path key={p.key} d={p.d} className={p.late ? css.arrowLate : css.arrow} markerEnd="url(#timeline-arrow)" data-dependency={p.title}>
          <title>{p.title}</title>
        </path>
      ))}
    </svg>
  );
}
