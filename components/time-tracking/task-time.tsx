"use client";
import { useCallback, useEffect, useState } from "react";
import { loadTaskTimeAction, removeTimeEntryAction, startTimerAction, stopTimerAction } from "@/app/actions/time-tracking";
import { subscribeProject } from "@/components/realtime/client";
import { toast } from "@/components/ui/toast";
import type { TaskTime, TimeEntry } from "@/server/time-tracking";
import { formatClock, formatDuration } from "./duration";
import { LogTimeForm } from "./log-time-form";
import { announceTimer, useElapsed, useTimerAnnouncements } from "./timer-bus";

type Props = {
  taskId: string;
  projectId: string;
  /** The task's estimate, read as hours. */
  estimate: number | null;
  me: string;
  canWrite: boolean;
  canAdmin: boolean;
  realtimeUrl: string | null;
  /** Something this section did changed the task's activity. */
  onChanged?: () => void;
};

/** Time spent on the task against its estimate, your timer on it, time logged by hand, and the entries. */
export function TaskTimeSection({ taskId, projectId, estimate, me, canWrite, canAdmin, realtimeUrl, onChanged }: Props) {
  const [time, setTime] = useState<TaskTime | null>(null);
  const reload = useCallback(async () => {
    const r = await loadTaskTimeAction(taskId);
    if (r.ok) setTime(r.data);
  }, [taskId]);
  const changed = async () => {
    await reload();
    onChanged?.();
  };
  useEffect(() => {
    let live = true;
    void loadTaskTimeAction(taskId).then((r) => live && r.ok && setTime(r.data));
    return () => {
      live = false;
    };
  }, [taskId]);
  // A timer started or stopped (here, in the top bar or on another task): this task's figures and activity may have changed.
  useTimerAnnouncements(
    useCallback(() => {
      void reload();
      onChanged?.();
    }, [reload, onChanged]),
  );
  useEffect(() => {
    if (!realtimeUrl) return;
    const types: ("time_entry.created" | "time_entry.updated" | "time_entry.deleted")[] = [
      "time_entry.created",
      "time_entry.updated",
      "time_entry.deleted",
    ];
    return subscribeProject(realtimeUrl, projectId, types, (event) => {
      if (event.data.task.id === taskId && event.actorId !== me) void reload();
    });
  }, [realtimeUrl, projectId, taskId, me, reload]);

  const mine = time?.entries.find((e) => e.running && e.user.id === me) ?? null;
  const elapsed = useElapsed(mine?.startedAt ?? null);
  const spent = (time?.totalSeconds ?? 0) + elapsed;
  const estimateSeconds = estimate !== null && estimate > 0 ? estimate * 3600 : null;

  const toggle = async () => {
    if (mine) {
      const r = await stopTimerAction();
      if (!r.ok) return toast(r.error, "error");
      announceTimer(null);
      toast(`Logged ${formatDuration(r.data.durationSeconds ?? 0)}`);
    } else {
      const r = await startTimerAction(taskId);
      if (!r.ok) return toast(r.error, "error");
      announceTimer(r.data.running);
      if (r.data.stopped) toast(`Stopped the timer on ${r.data.stopped.task.key} (${formatDuration(r.data.stopped.durationSeconds ?? 0)})`);
    }
  };
  const remove = async (entry: TimeEntry) => {
    const r = await removeTimeEntryAction(entry.id, entry.version);
    if (!r.ok) toast(r.error, "error");
    if (entry.running && r.ok) announceTimer(null);
    else await changed();
  };

  return (
    <section aria-labelledby="time-heading" className="stack" data-testid="task-time">
      <h2 id="time-heading">Time</h2>
      <p className="small" data-testid="time-spent">
        <strong>{formatDuration(spent)}</strong> spent
        {estimateSeconds !== null ? ` of ${formatDuration(estimateSeconds)} estimated` : " (no estimate)"}
      </p>
      {estimateSeconds !== null && (
        <progress
          max={estimateSeconds}
          value={Math.min(spent, estimateSeconds)}
          aria-label="Time spent against the estimate"
          style={{ width: "100%", accentColor: spent > estimateSeconds ? "var(--danger, #dc2626)" : undefined }}
        />
      )}
      {canWrite && (
        <div className="row">
          <button
            type="button"
            className={mine ? "btn btn-sm btn-danger" : "btn btn-sm btn-primary"}
            onClick={() => void toggle()}
            aria-pressed={Boolean(mine)}
          >
            {mine ? "Stop timer" : "Start timer"}
          </button>
          {mine && (
            <span className="mono small" aria-label="Timer running for">
              {formatClock(elapsed)}
            </span>
          )}
        </div>
      )}
      {canWrite && <LogTimeForm taskId={taskId} onLogged={() => void changed()} />}
      {time && time.entries.length > 0 && (
        <ul className="stack small" style={{ listStyle: "none", padding: 0 }} aria-label="Time entries">
          {time.entries.map((e) => (
            <li key={e.id} className="row-between" data-testid="time-entry">
              <span>
                <strong>{e.running ? "running" : formatDuration(e.durationSeconds ?? 0)}</strong> · {e.user.name} · {e.date}
                {e.note && <span className="muted"> · {e.note}</span>}
              </span>
              {canWrite && (e.user.id === me || canAdmin) && (
                <button type="button" className="btn btn-sm btn-ghost" onClick={() => void remove(e)}>
                  Delete<span className="sr-only"> the entry of {e.date}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {time?.more && <p className="muted small">Older entries are in the project&apos;s time entries (REST or the analytics CSV).</p>}
    </section>
  );
}
