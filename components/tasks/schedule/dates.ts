// Calendar days as "YYYY-MM-DD" strings, computed in UTC so no time zone shifts a day.

const DAY_MS = 86_400_000;

export function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function today(): string {
  const now = new Date();
  return toDay(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
}

export function addDays(day: string, n: number): string {
  return toDay(new Date(Date.parse(day) + n * DAY_MS));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/** Monday = 0 … Sunday = 6. */
export function weekday(day: string): number {
  return (new Date(Date.parse(day)).getUTCDay() + 6) % 7;
}

export function startOfWeek(day: string): string {
  return addDays(day, -weekday(day));
}

export function isDay(value: string | null | undefined): value is string {
  return !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
}

const fmt = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en", { ...options, timeZone: "UTC" });
const short = fmt({ month: "short", day: "numeric" });
const monthYear = fmt({ month: "long", year: "numeric" });
const monthShort = fmt({ month: "short", year: "numeric" });
const long = fmt({ weekday: "long", month: "long", day: "numeric", year: "numeric" });

export const formatDay = (day: string) => short.format(new Date(Date.parse(day)));
export const formatLongDay = (day: string) => long.format(new Date(Date.parse(day)));
export const formatMonth = (day: string) => monthYear.format(new Date(Date.parse(day)));
export const formatMonthShort = (day: string) => monthShort.format(new Date(Date.parse(day)));

/** A task's span on a timeline: start..due, or the one date it has; null when it has neither. */
export function spanOf(task: { startDate: string | null; dueDate: string | null }): { start: string; end: string } | null {
  const start = task.startDate ?? task.dueDate;
  const end = task.dueDate ?? task.startDate;
  return start && end ? { start, end } : null;
}

/** The dates to save when a task's span is moved by `delta` days, or one of its ends is dragged. */
export function shiftedDates(
  task: { startDate: string | null; dueDate: string | null },
  edit: { mode: "move" | "start" | "end"; delta: number },
): { startDate: string | null; dueDate: string | null } {
  const span = spanOf(task);
  if (!span) return { startDate: task.startDate, dueDate: task.dueDate };
  const { mode, delta } = edit;
  if (mode === "move") {
    return {
      startDate: task.startDate ? addDays(task.startDate, delta) : null,
      dueDate: task.dueDate ? addDays(task.dueDate, delta) : null,
    };
  }
  if (mode === "start") {
    const start = addDays(span.start, delta);
    return { startDate: start > span.end ? span.end : start, dueDate: task.dueDate ?? span.end };
  }
  const end = addDays(span.end, delta);
  return { startDate: task.startDate ?? span.start, dueDate: end < span.start ? span.start : end };
}

/** Moving a task's due date on the calendar carries its start date along, so start stays on or before due. */
export function withDueDate(task: { startDate: string | null; dueDate: string | null }, due: string) {
  if (!task.dueDate || !task.startDate) return { startDate: task.startDate && task.startDate > due ? due : task.startDate, dueDate: due };
  return { startDate: addDays(task.startDate, daysBetween(task.dueDate, due)), dueDate: due };
}
