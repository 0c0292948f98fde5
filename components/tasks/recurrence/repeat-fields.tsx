"use client";
import { useId } from "react";
import { nthWeekdayLabel, WEEKDAY_NAMES, WEEKDAYS, type RepeatForm } from "./rule-form";

type Props = { form: RepeatForm; anchor: string; never: boolean; onNever: (never: boolean) => void; onChange: (f: RepeatForm) => void };

const UNIT: Record<RepeatForm["freq"], string> = { daily: "days", weekdays: "weeks", weekly: "weeks", monthly: "months", yearly: "years" };

/** The Repeat form's inputs: what repeats how often, on which days, until when, and what triggers the next one. */
export function RepeatFields({ form, anchor, never, onNever, onChange }: Props) {
  const id = useId();
  const set = (patch: Partial<RepeatForm>) => onChange({ ...form, ...patch });
  const day = Number(anchor.slice(8, 10));
  return (
    <>
      <label htmlFor={`${id}-freq`} className="small muted">
        Repeats
      </label>
      <select
        id={`${id}-freq`}
        value={never ? "never" : form.freq}
        onChange={(e) => {
          onNever(e.target.value === "never");
          if (e.target.value !== "never") set({ freq: e.target.value as RepeatForm["freq"] });
        }}
      >
        <option value="never">Never</option>
        <option value="daily">Daily</option>
        <option value="weekdays">Every weekday (Mon–Fri)</option>
        <option value="weekly">Weekly</option>
        <option value="monthly">Monthly</option>
        <option value="yearly">Yearly</option>
      </select>
      {!never && form.freq !== "weekdays" && (
        <div className="row">
          <label htmlFor={`${id}-interval`} className="small">
            Every
          </label>
          <input
            id={`${id}-interval`}
            type="number"
            min={1}
            max={99}
            style={{ width: "4.5em" }}
            value={form.interval}
            onChange={(e) => set({ interval: Math.max(1, Number(e.target.value) || 1) })}
          />
          <span className="small">{UNIT[form.freq]}</span>
        </div>
      )}
      {!never && form.freq === "weekly" && (
        <fieldset className="row">
          <legend className="small muted">On</legend>
          {WEEKDAYS.map((d) => (
            <label key={d} className="small">
              <input
                type="checkbox"
                checked={form.days.includes(d)}
                onChange={(e) => set({ days: e.target.checked ? [...form.days, d] : form.days.filter((x) => x !== d) })}
              />{" "}
              {WEEKDAY_NAMES[d]}
            </label>
          ))}
        </fieldset>
      )}
      {!never && form.freq === "monthly" && (
        <fieldset className="stack">
          <legend className="small muted">On</legend>
          <label className="small">
            <input type="radio" name={`${id}-monthly`} checked={form.monthly === "day"} onChange={() => set({ monthly: "day" })} /> day{" "}
            {day}
          </label>
          <label className="small">
            <input type="radio" name={`${id}-monthly`} checked={form.monthly === "weekday"} onChange={() => set({ monthly: "weekday" })} />{" "}
            {nthWeekdayLabel(anchor)}
          </label>
        </fieldset>
      )}
      {!never && (
        <>
          <label htmlFor={`${id}-end`} className="small muted">
            Ends
          </label>
          <select id={`${id}-end`} value={form.end} onChange={(e) => set({ end: e.target.value as RepeatForm["end"] })}>
            <option value="never">Never</option>
            <option value="until">On a date</option>
            <option value="count">After a number of times</option>
          </select>
          {form.end === "until" && (
            <input type="date" aria-label="Repeat until" value={form.until} onChange={(e) => set({ until: e.target.value })} />
          )}
          {form.end === "count" && (
            <input
              type="number"
              aria-label="Number of times"
              min={1}
              max={1000}
              value={form.count}
              onChange={(e) => set({ count: Math.max(1, Number(e.target.value) || 1) })}
            />
          )}
          <label htmlFor={`${id}-trigger`} className="small muted">
            Next one is created
          </label>
          <select id={`${id}-trigger`} value={form.trigger} onChange={(e) => set({ trigger: e.target.value as RepeatForm["trigger"] })}>
            <option value="on_complete">When this one is completed</option>
            <option value="on_schedule">On its date</option>
          </select>
        </>
      )}
    </>
  );
}
