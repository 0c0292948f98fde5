import { addDays, daysBetween, formatDay, formatMonthShort, isDay, startOfWeek, today, weekday } from "./dates";
import type { TimelineScale } from "./types";

export const SCALES: { id: TimelineScale; label: string; pxPerDay: number; days: number; lead: number }[] = [
  { id: "day", label: "Days", pxPerDay: 36, days: 42, lead: 7 },
  { id: "week", label: "Weeks", pxPerDay: 12, days: 182, lead: 14 },
  { id: "month", label: "Months", pxPerDay: 4, days: 366, lead: 31 },
];

export function scaleOf(value: string | undefined): (typeof SCALES)[number] {
  return SCALES.find((s) => s.id === value) ?? SCALES[0]!;
}

/** The timeline's window from the URL: `from` (a day) and `scale`; weeks start on Monday. */
export function timelineWindow(params: { from?: string; scale?: string }) {
  const scale = scaleOf(params.scale);
  const from = startOfWeek(isDay(params.from) ? params.from : addDays(today(), -scale.lead));
  return { scale, from, to: addDays(from, scale.days - 1) };
}

/** Labels along the top: every day, every Monday, or every first of a month. */
export function ticks(from: string, days: number, scale: TimelineScale): { day: string; label: string; offset: number }[] {
  const out: { day: string; label: string; offset: number }[] = [];
  for (let i = 0; i < days; i++) {
    const day = addDays(from, i);
    const dom = Number(day.slice(8));
    if (scale === "day") out.push({ day, label: dom === 1 || i === 0 ? formatDay(day) : String(dom), offset: i });
    else if (scale === "week" && weekday(day) === 0) out.push({ day, label: formatDay(day), offset: i });
    else if (scale === "month" && (dom === 1 || i === 0)) out.push({ day, label: formatMonthShort(day), offset: i });
  }
  return out;
}

export { daysBetween };
