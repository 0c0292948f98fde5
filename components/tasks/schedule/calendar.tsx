"use client";
import { useRouter } from "next/navigation";
import { useMemo, type KeyboardEvent } from "react";
import { matches, type Filters } from "../filters";
import type { Task } from "../types";
import { addDays, daysBetween, formatLongDay, today, withDueDate } from "./dates";
import { Undated } from "./timeline";
import type { ScheduleData } from "./types";
import { useDragDays } from "./use-drag-days";
import { useScheduleTasks } from "./use-schedule-tasks";
import css from "./schedule.module.css";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const KEY_DAYS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/** The day cell under a point: the dragged chip itself lies on top, so look through it. */
function dayAt(x: number, y: number): string | null {
  const cell = document.elementsFromPoint(x, y).find((el): el is HTMLElement => el instanceof HTMLElement && !!el.dataset.day);
  return cell?.dataset.day ?? null;
}

/** A month of tasks by due date; drag a task to another day (or use the arrow keys) to change its due date. */
export function Calendar(props: { data: ScheduleData; month: string; filters: Filters; me: string; realtimeUrl: string | null }) {
  const { data, month, filters, me, realtimeUrl } = props;
  const router = useRouter();
  const { from, to } = data.schedule;
  const { tasks, save, hrefOf } = useScheduleTasks(data, { filters, me, realtimeUrl });
  const canWrite = data.project.permissions.canWrite;

  const byDay = useMemo(() => {
    const out = new Map<string, Task[]>();
    for (const t of tasks) {
      if (!t.dueDate || t.dueDate < from || t.dueDate > to || !matches(t, filters, me)) continue;
      out.set(t.dueDate, [...(out.get(t.dueDate) ?? []), t]);
    }
    for (const list of out.values()) list.sort((a, b) => a.number - b.number);
    return out;
  }, [tasks, from, to, filters, me]);
  const undated = tasks.filter((t) => !t.dueDate && !t.startDate && matches(t, filters, me));

  const { drag, handlers, consumeClick } = useDragDays<"move">(({ id, x, y }) => {
    const task = tasks.find((t) => t.id === id);
    const day = dayAt(x, y);
    if (task && day && day !== task.dueDate) void save(task, withDueDate(task, day));
  });
  const overDay = drag ? dayAt(drag.x, drag.y) : null;

  const onKeyDown = (task: Task) => (e: KeyboardEvent<HTMLButtonElement>) => {
    const delta = KEY_DAYS[e.key];
    if (!delta || !task.dueDate) return;
    e.preventDefault();
    const target = e.currentTarget.dataset.task;
    void save(task, withDueDate(task, addDays(task.dueDate, delta))).then(() =>
      // Keep the keyboard on the task as it moves to its new day.
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-task="${target}"]`)?.focus()),
    );
  };

  const days = Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i));
  const now = today();
  return (
    <div className={css.calendarLayout}>
      <div className={css.calendar} role="region" aria-label="Calendar">
        {WEEKDAYS.map((d) => (
          <div key={d} className={css.weekday} aria-hidden="true">
            {d}
          </div>
        ))}
        {days.map((day) => {
          const list = byDay.get(day) ?? [];
          return (
            <section
              key={day}
              className={css.day}
              data-day={day}
              data-outside={day.slice(0, 7) !== month ? "" : undefined}
              data-today={day === now ? "" : undefined}
              data-over={overDay === day ? "" : undefined}
              aria-label={`${formatLongDay(day)}: ${list.length} ${list.length === 1 ? "task" : "tasks"} due`}
            >
              <div className={css.dayNumber} aria-hidden="true">
                {Number(day.slice(8))}
              </div>
              {list.map((task) => (
                <button
                  key={task.id}
                  type="button"
                  className={css.chip}
                  data-task={task.key}
                  data-dragging={drag?.id === task.id ? "" : undefined}
                  style={drag?.id === task.id ? { transform: `translate(${drag.dx}px, ${drag.dy}px)` } : undefined}
                  aria-describedby={canWrite ? "calendar-help" : undefined}
                  onClick={() => !consumeClick() && router.push(hrefOf(task), { scroll: false })}
                  onKeyDown={canWrite ? onKeyDown(task) : undefined}
                  {...(canWrite ? handlers(task.id, "move") : {})}
                >
                  <span className={css.key}>{task.key}</span> {task.title}
                </button>
              ))}
            </section>
          );
        })}
      </div>
      {canWrite && (
        <p id="calendar-help" className={css.help}>
          Drag a task to another day to change its due date. With the keyboard: arrow keys move it by a day, up and down by a week; Enter
          opens it.
        </p>
      )}
      <Undated tasks={undated} total={data.schedule.undatedCount} hrefOf={hrefOf} />
    </div>
  );
}
