"use client";
import { useEffect, useState } from "react";
import type { TimeEntry } from "@/server/time-tracking";

// The top bar and an open task both show the running timer: whichever starts or stops it tells the other.
const EVENT = "tasklane:timer";

export function announceTimer(running: TimeEntry | null): void {
  window.dispatchEvent(new CustomEvent<TimeEntry | null>(EVENT, { detail: running }));
}

export function useTimerAnnouncements(onChange: (running: TimeEntry | null) => void): void {
  useEffect(() => {
    const listener = (e: Event) => onChange((e as CustomEvent<TimeEntry | null>).detail);
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
  }, [onChange]);
}

/** Seconds since `startedAt`, ticking each second while `startedAt` is set. */
export function useElapsed(startedAt: string | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!startedAt) return;
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, [startedAt]);
  return startedAt ? Math.max(0, (now - Date.parse(startedAt)) / 1000) : 0;
}
