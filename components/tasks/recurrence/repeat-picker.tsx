"use client";
import { useEffect, useId, useState } from "react";
import { applyToFutureOccurrencesAction, getRecurrenceAction, removeRecurrenceAction, setRecurrenceAction } from "@/app/actions/recurrence";
import { toast } from "@/components/ui/toast";
import type { Recurrence } from "@/server/recurrence";
import type { Task } from "../types";
import { RepeatFields } from "./repeat-fields";
import { defaultForm, fromRule, previewDates, toRule, type RepeatForm } from "./rule-form";

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The task's "Repeat" property: a button with the rule in words that opens the form (daily, weekdays,
 * weekly on chosen days, monthly on day N or the Nth weekday, yearly, every N, an end), previewing the
 * next three dates; saving goes through the recurrence verbs, "Never" stops the series.
 */
export function RepeatPicker({ task, canWrite, onChanged }: { task: Task; canWrite: boolean; onChanged: () => void }) {
  const id = useId();
  const [loaded, setRecurrence] = useState<Recurrence | null>(null);
  // A task that left its series (stopped elsewhere) shows no rule even before the next load.
  const recurrence = task.seriesId && loaded?.seriesId === task.seriesId ? loaded : null;
  const [form, setForm] = useState<RepeatForm | null>(null);
  const [never, setNever] = useState(false);
  const [pending, setPending] = useState(false);
  const anchor = recurrence?.occurrence.date ?? task.dueDate ?? task.startDate ?? today();

  useEffect(() => {
    if (!task.seriesId) return;
    let live = true;
    void getRecurrenceAction(task.id).then((r) => live && r.ok && setRecurrence(r.data));
    return () => {
      live = false;
    };
  }, [task.id, task.seriesId]);

  const open = () => {
    setNever(false);
    setForm(recurrence ? fromRule(recurrence.rule, recurrence.trigger, anchor) : defaultForm(anchor));
  };
  const save = async () => {
    if (!form) return;
    setPending(true);
    const r = never
      ? recurrence
        ? await removeRecurrenceAction(task.id)
        : { ok: true as const, data: undefined }
      : await setRecurrenceAction(task.id, { rule: toRule(form, anchor), trigger: form.trigger });
    setPending(false);
    if (!r.ok) return toast(r.fieldErrors?.rule ? `The rule ${r.fieldErrors.rule}` : r.error, "error");
    setRecurrence(r.data ?? null);
    setForm(null);
    onChanged();
  };

  // Edits change this occurrence only; this spreads them to the series, as a calendar's "this and following".
  const applyToFuture = async () => {
    setPending(true);
    const r = await applyToFutureOccurrencesAction(task.id, task.version);
    setPending(false);
    if (!r.ok)
      return toast(r.status === "PRECONDITION_FAILED" ? "Someone changed this task meanwhile; check it and try again." : r.error, "error");
    toast("Future occurrences now match this task.");
    onChanged();
  };

  const rule = form && !never ? toRule(form, anchor) : null;
  const next = rule ? previewDates(rule, anchor) : (recurrence?.nextDates ?? []);
  return (
    <div className="field">
      <button
        type="button"
        className="btn btn-sm"
        disabled={!canWrite}
        aria-expanded={form !== null}
        aria-controls={`${id}-repeat`}
        onClick={() => (form ? setForm(null) : open())}
      >
        <span aria-hidden="true">↻</span> Repeat: {recurrence ? recurrence.description : "Never"}
      </button>
      {form && (
        <div id={`${id}-repeat`} className="stack repeat-form" role="group" aria-label="Repeat">
          <RepeatFields form={form} anchor={anchor} never={never} onNever={setNever} onChange={setForm} />
          <p className="small muted" aria-live="polite">
            {next.length ? `Next: ${next.join(", ")}` : never ? "Does not repeat" : "No later dates"}
          </p>
          <div className="row">
            <button type="button" className="btn btn-sm btn-primary" disabled={pending} onClick={() => void save()}>
              Save repeat
            </button>
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => setForm(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {!form && recurrence && (
        <p className="small muted" data-testid="repeat-next">
          Next: {recurrence.nextDates.length ? recurrence.nextDates.join(", ") : "none (the series ends here)"}
        </p>
      )}
      {!form && recurrence && canWrite && (
        <button type="button" className="btn btn-sm btn-ghost" disabled={pending} onClick={() => void applyToFuture()}>
          Apply these details to future occurrences
        </button>
      )}
    </div>
  );
}
