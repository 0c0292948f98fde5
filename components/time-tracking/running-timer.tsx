"use client";
import Link from "next/link";
import { useCallback, useState } from "react";
import { stopTimerAction } from "@/app/actions/time-tracking";
import { toast } from "@/components/ui/toast";
import type { TimeEntry } from "@/server/time-tracking";
import { formatClock, formatDuration } from "./duration";
import { announceTimer, useElapsed, useTimerAnnouncements } from "./timer-bus";

/**
 * The top bar's running timer: the task, the time so far, and Stop. Nothing when no timer runs. The task
 * links to its page when its project is in the current workspace (the only slug the frame knows).
 */
export function RunningTimer({ initial, slug, projectIds }: { initial: TimeEntry | null; slug: string | null; projectIds: string[] }) {
  const [running, setRunning] = useState(initial);
  const [seen, setSeen] = useState(initial);
  // A fresh server render (after navigation) replaces what this tab last heard.
  if (seen?.id !== initial?.id) {
    setSeen(initial);
    setRunning(initial);
  }
  useTimerAnnouncements(useCallback((r: TimeEntry | null) => setRunning(r), []));
  const elapsed = useElapsed(running?.startedAt ?? null);
  if (!running) return null;
  const stop = async () => {
    const r = await stopTimerAction();
    if (!r.ok) {
      toast(r.error, "error");
      if (r.status === "NOT_FOUND") setRunning(null);
      return;
    }
    setRunning(null);
    announceTimer(null);
    toast(`Logged ${formatDuration(r.data.durationSeconds ?? 0)} on ${r.data.task.key}`);
  };
  return (
    <div className="row" role="status" aria-label="Running timer" data-testid="running-timer">
      {slug && projectIds.includes(running.projectId) ? (
        <Link href={`/w/${slug}/t/${running.task.key}`} className="small mono" title={running.task.title} prefetch={false}>
          {running.task.key}
        </Link>
      ) : (
        <span className="small mono" title={running.task.title}>
          {running.task.key}
        </span>
      )}
      <span className="mono small" aria-label="Time so far" data-testid="running-timer-clock">
        {formatClock(elapsed)}
      </span>
      <button type="button" className="btn btn-sm" onClick={() => void stop()}>
        Stop<span className="sr-only"> the timer on {running.task.key}</span>
      </button>
    </div>
  );
}
