"use client";
import { useId, useState, useTransition } from "react";
import { logTimeAction } from "@/app/actions/time-tracking";
import { refusalMessage } from "@/components/ui/field-errors";
import { parseDuration } from "./duration";

/** Log time by hand: a duration as people type it ("1h 30m", "45m", "1.5h"), a day (default today) and a note. */
export function LogTimeForm({ taskId, onLogged }: { taskId: string; onLogged: () => void }) {
  const id = useId();
  const [duration, setDuration] = useState("");
  const [date, setDate] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const submit = () =>
    start(async () => {
      const seconds = parseDuration(duration);
      if (seconds === null || seconds < 1) {
        setError("Duration: type it like 1h 30m, 45m or 1.5h");
        return;
      }
      const r = await logTimeAction(taskId, { durationSeconds: seconds, ...(date ? { date } : {}), ...(note.trim() ? { note } : {}) });
      if (!r.ok) {
        setError(refusalMessage(r, { labels: { durationSeconds: "Duration", date: "Date", note: "Note" } }));
        return;
      }
      setError(null);
      setDuration("");
      setNote("");
      onLogged();
    });
  return (
    <form
      className="stack"
      aria-label="Log time"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="row" style={{ flexWrap: "wrap" }}>
        <label htmlFor={`${id}-duration`} className="sr-only">
          Duration
        </label>
        <input
          id={`${id}-duration`}
          value={duration}
          onChange={(e) => setDuration(e.target.value)}
          placeholder="1h 30m"
          size={7}
          aria-invalid={error ? true : undefined}
        />
        <label htmlFor={`${id}-date`} className="sr-only">
          Date
        </label>
        <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </div>
      <label htmlFor={`${id}-note`} className="sr-only">
        Note
      </label>
      <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} placeholder="Note (optional)" maxLength={1000} />
      <div className="row">
        <button type="submit" className="btn btn-sm" disabled={pending}>
          Log time
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
