import { weekdays } from "./schemas";

// Calendar arithmetic on YYYY-MM-DD days (UTC noon-free: a day is a date, never an instant).

const DAY_MS = 86_400_000;

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The local date of an instant in a time zone. */
export function dayIn(timezone: string, at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** 0 = Monday … 6 = Sunday. */
function weekdayIndex(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The latest day on or before `day` that falls on `weekday`. */
export function alignBack(day: string, weekday: (typeof weekdays)[number]): string {
  return addDays(day, -((weekdayIndex(day) - weekdays.indexOf(weekday) + 7) % 7));
}

export type Span = { startDate: string; endDate: string };

/**
 * The cycles to add so that today and the two cycles after it are covered: existing cycles (made by
 * hand or earlier) are kept, gaps get a new cycle of `lengthWeeks` starting on `startDay` (the
 * first one may start before today, on the last such weekday), cut short so it never overlaps.
 */
export function cyclesToAdd(
  existing: Span[],
  today: string,
  settings: { lengthWeeks: number; startDay: (typeof weekdays)[number] },
): Span[] {
  const all = [...existing];
  const added: Span[] = [];
  let cursor = today;
  for (let i = 0; i < 3; i++) {
    const holding = all.find((c) => c.startDate <= cursor && cursor <= c.endDate);
    if (holding) {
      cursor = addDays(holding.endDate, 1);
      continue;
    }
    let start = i === 0 ? alignBack(cursor, settings.startDay) : cursor;
    const before = all.filter((c) => c.endDate < cursor).map((c) => c.endDate);
    const lastEnd = before.length ? before.reduce((a, b) => (a > b ? a : b)) : null;
    if (lastEnd && start <= lastEnd) start = addDays(lastEnd, 1);
    let end = addDays(start, settings.lengthWeeks * 7 - 1);
    const after = all.filter((c) => c.startDate > cursor).map((c) => c.startDate);
    const nextStart = after.length ? after.reduce((a, b) => (a < b ? a : b)) : null;
    if (nextStart && end >= nextStart) end = addDays(nextStart, -1);
    const span = { startDate: start, endDate: end };
    all.push(span);
    added.push(span);
    cursor = addDays(end, 1);
  }
  return added;
}
