"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, type KeyboardEvent } from "react";
import { matches, type Filters } from "../filters";
import type { Task } from "../types";
import { daysBetween, formatDay, shiftedDates, spanOf, today } from "./dates";
import { ticks } from "./scale";
import { TimelineArrows, ROW_HEIGHT, HEAD_HEIGHT } from "./timeline-arrows";
import type { ScheduleData, TimelineScale } from "./types";
import { useDragDays } from "./use-drag-days";
import { useScheduleTasks } from "./use-schedule-tasks";
import css from "./schedule.module.css";

type Mode = "move" | "start" | "end";
type Props = {
  data: ScheduleData;
  filters: Filters;
  me: string;
  realtimeUrl: string | null;
  scale: { id: TimelineScale; pxPerDay: number; days: number };
};

/** Tasks as bars from start to due date; drag a bar (or an end) to change its dates, dependencies as arrows. */
export function Timeline({ data, filters, me, realtimeUrl, scale }: Props) {
  const router = useRouter();
  const { from } = data.schedule;
  const px = scale.pxPerDay;
  const { tasks, save, hrefOf } = useScheduleTasks(data, { filters, me, realtimeUrl });
  const canWrite = data.project.permissions.canWrite;

  const rows = useMemo(() => {
    const dated = tasks.flatMap((task) => {
      const span = spanOf(task);
      if (!span || span.end < from || span.start > data.schedule.to || !matches(task, filters, me)) return [];
      return [{ task, span }];
    });
    return dated.sort((a, b) => (a.span.start < b.span.start ? -1 : a.span.start > b.span.start ? 1 : a.task.number - b.task.number));
  }, [tasks, from, data.schedule.to, filters, me]);
  const undated = tasks.filter((t) => !spanOf(t) && matches(t, filters, me));

  const { drag, handlers, consumeClick } = useDragDays<Mode>(({ id, mode, dx }) => {
    const task = tasks.find((t) => t.id === id);
    const delta = Math.round(dx / px);
    if (task && delta !== 0) void save(task, shiftedDates(task, { mode, delta }));
  });

  const onKeyDown = (task: Task) => (e: KeyboardEvent) => {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
    e.preventDefault();
    const delta = e.key === "ArrowLeft" ? -1 : 1;
    void save(task, shiftedDates(task, { mode: e.shiftKey ? "end" : "move", delta }));
  };

  const width = scale.days * px;
  const todayOffset = daysBetween(from, today());
  const shown = rows.map(({ task, span }) => {
    const preview = drag?.id === task.id ? spanOf(shiftedDates(task, { mode: drag.mode, delta: Math.round(drag.dx / px) })) : null;
    return { task, span: preview ?? span };
  });

  return (
    <div className={css.timelineLayout}>
      <div className={css.timeline} role="region" aria-label="Timeline" tabIndex={0}>
        <div className={css.labels}>
          <div className={css.labelHead} style={{ height: HEAD_HEIGHT }}>
            {rows.length} {rows.length === 1 ? "task" : "tasks"}
          </div>
          {shown.map(({ task }) => (
            <Link key={task.id} href={hrefOf(task)} className={css.label} style={{ height: ROW_HEIGHT }} scroll={false}>
              <span className={css.key}>{task.key}</span> {task.title}
            </Link>
          ))}
        </div>
        <div className={css.tracks} style={{ width, minHeight: HEAD_HEIGHT + shown.length * ROW_HEIGHT }}>
          <div className={css.ticks} style={{ height: HEAD_HEIGHT }} aria-hidden="true">
            {ticks(from, scale.days, scale.id).map((t) => (
              <span key={t.day} className={css.tick} style={{ left: t.offset * px }}>
                {t.label}
              </span>
            ))}
          </div>
          {todayOffset >= 0 && todayOffset < scale.days && (
            <div className={css.today} style={{ left: todayOffset * px, width: Math.max(px, 2) }} aria-hidden="true" />
          )}
          <TimelineArrows rows={shown} dependencies={data.schedule.dependencies} from={from} px={px} />
          {shown.map(({ task, span }, i) => {
            const left = daysBetween(from, span.start) * px;
            const barWidth = (daysBetween(span.start, span.end) + 1) * px;
            const label = `${task.key} ${task.title}: ${formatDay(span.start)} – ${formatDay(span.end)}`;
            return (
              <button
                key={task.id}
                type="button"
                className={css.bar}
                data-task={task.key}
                data-dragging={drag?.id === task.id ? "" : undefined}
                style={{ top: HEAD_HEIGHT + i * ROW_HEIGHT + 5, left, width: Math.max(barWidth, 6), height: ROW_HEIGHT - 10 }}
                aria-label={label}
                aria-describedby={canWrite ? "timeline-help" : undefined}
                onClick={() => !consumeClick() && router.push(hrefOf(task), { scroll: false })}
                onKeyDown={canWrite ? onKeyDown(task) : undefined}
                {...(canWrite ? handlers(task.id, "move") : {})}
              >
                {canWrite && <span className={css.handleStart} aria-hidden="true" {...handlers(task.id, "start")} />}
                <span className={css.barText}>{task.title}</span>
                {canWrite && <span className={css.handleEnd} aria-hidden="true" {...handlers(task.id, "end")} />}
              </button>
            );
          })}
        </div>
      </div>
      {canWrite && (
        <p id="timeline-help" className={css.help}>
          Drag a bar to move its dates, or drag one of its ends to change the start or due date. With the keyboard: arrow keys move a bar by
          a day, Shift + arrow keys change its due date, Enter opens the task.
        </p>
      )}
      <Undated tasks={undated} total={data.schedule.undatedCount} hrefOf={hrefOf} />
      {data.schedule.truncated && <p className={css.help}>Only the first 2,000 tasks of this window are shown: narrow it or filter.</p>}
    </div>
  );
}

export function Undated({ tasks, total, hrefOf }: { tasks: Task[]; total: number; hrefOf: (t: Task) => string }) {
  return (
    <aside className={css.undated} aria-label="Tasks without dates">
      <h2>Without dates ({Math.max(total, tasks.length)})</h2>
      {tasks.length === 0 ? (
        <p className={css.help}>Every task here has a date.</p>
      ) : (
        <ul>
          {tasks.map((t) => (
            <li key={t.id}>
              <Link href={hrefOf(t)} scroll={false}>
                <span className={css.key}>{t.key}</span> {t.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
