"use client";
import { useSyncExternalStore } from "react";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto", style: "short" });
const exact = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** "2 hr. ago", "yesterday", "in 3 days": the largest unit that fits, through Intl.RelativeTimeFormat. */
export function formatRelative(date: Date, now: number): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  if (Math.abs(seconds) < 45) return "just now";
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === "minute") return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(seconds, "second");
}

// One clock for every relative time on the page, ticking each minute while any is shown.
let clock = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;
const listeners = new Set<() => void>();
function subscribe(onTick: () => void) {
  listeners.add(onTick);
  // The page may have been rendered (or this module loaded) minutes ago: catch up at once.
  const fresh = Date.now();
  if (fresh - clock > 1000) {
    clock = fresh;
    queueMicrotask(() => listeners.forEach((l) => l()));
  }
  timer ??= setInterval(() => {
    clock = Date.now();
    listeners.forEach((l) => l());
  }, 60_000);
  return () => {
    listeners.delete(onTick);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}
const readClock = () => clock;
// The server renders with its own now (its module-level clock is as old as the process).
const readServerClock = () => (typeof window === "undefined" ? Date.now() : clock);

/**
 * A time as people say it ("2 hr. ago"), the exact time on hover (title) and for machines (dateTime).
 * The server and the first client render may disagree by the seconds between them; the client catches up
 * when it subscribes, then ticks each minute.
 */
export function RelativeTime({ date, className }: { date: string | Date; className?: string }) {
  const d = typeof date === "string" ? new Date(date) : date;
  const now = useSyncExternalStore(subscribe, readClock, readServerClock);
  return (
    <time className={className} dateTime={d.toISOString()} title={exact.format(d)} suppressHydrationWarning>
      {formatRelative(d, now)}
    </time>
  );
}
