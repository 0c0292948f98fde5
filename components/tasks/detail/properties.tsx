"use client";
import { useId } from "react";
import { PRIORITIES, PRIORITY_LABEL, type Task } from "../types";
import type { DetailMeta, SaveField } from "./types";

function Prop({ label, children, id }: { label: string; children: React.ReactNode; id: string }) {
  return (
    <div className="field">
      <label htmlFor={id} className="small muted">
        {label}
      </label>
      {children}
    </div>
  );
}

/** A checkbox list in a disclosure: many-valued fields (assignees, labels) without a custom combobox. */
function MultiPick({
  label,
  options,
  selected,
  onChange,
  disabled,
}: {
  label: string;
  options: { id: string; name: string; color?: string }[];
  selected: string[];
  onChange: (ids: string[]) => void;
  disabled: boolean;
}) {
  const names = options.filter((o) => selected.includes(o.id)).map((o) => o.name);
  return (
    <details className="field">
      <summary className="small muted" style={{ cursor: "pointer" }}>
        {label}: <span style={{ color: "var(--text)" }}>{names.length ? names.join(", ") : "none"}</span>
      </summary>
      <fieldset style={{ border: 0, padding: "6px 0 0", margin: 0 }} disabled={disabled}>
        <legend className="sr-only">{label}</legend>
        {options.length === 0 && <p className="muted small">Nothing to choose from yet.</p>}
        {options.map((o) => (
          <label key={o.id} className="row" style={{ fontWeight: 400 }}>
            <input
              type="checkbox"
              checked={selected.includes(o.id)}
              onChange={(e) => onChange(e.target.checked ? [...selected, o.id] : selected.filter((id) => id !== o.id))}
            />
            {o.color && <span className="dot" style={{ background: o.color }} aria-hidden="true" />}
            {o.name}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

export function Properties({ task, meta, save, canWrite }: { task: Task; meta: DetailMeta; save: SaveField; canWrite: boolean }) {
  const id = useId();
  const disabled = !canWrite;
  return (
    <div className="props" aria-label="Properties">
      <Prop label="Status" id={`${id}-status`}>
        <select id={`${id}-status`} value={task.status.id} disabled={disabled} onChange={(e) => void save({ statusId: e.target.value })}>
          {meta.statuses.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </Prop>
      <Prop label="Priority" id={`${id}-priority`}>
        <select id={`${id}-priority`} value={task.priority} disabled={disabled} onChange={(e) => void save({ priority: e.target.value })}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {PRIORITY_LABEL[p]}
            </option>
          ))}
        </select>
      </Prop>
      <MultiPick
        label="Assignees"
        options={meta.people}
        selected={task.assignees.map((a) => a.id)}
        disabled={disabled}
        onChange={(ids) => void save({ assigneeIds: ids })}
      />
      <MultiPick
        label="Labels"
        options={meta.labels}
        selected={task.labels.map((l) => l.id)}
        disabled={disabled}
        onChange={(ids) => void save({ labelIds: ids })}
      />
      <Prop label="Due date" id={`${id}-due`}>
        <input
          id={`${id}-due`}
          type="date"
          value={task.dueDate ?? ""}
          disabled={disabled}
          onChange={(e) => void save({ dueDate: e.target.value || null })}
        />
      </Prop>
      <Prop label="Start date" id={`${id}-start`}>
        <input
          id={`${id}-start`}
          type="date"
          value={task.startDate ?? ""}
          disabled={disabled}
          onChange={(e) => void save({ startDate: e.target.value || null })}
        />
      </Prop>
      <Prop label="Estimate (points)" id={`${id}-estimate`}>
        <input
          id={`${id}-estimate`}
          type="number"
          min={0}
          step="any"
          defaultValue={task.estimate ?? ""}
          key={`${task.id}-${task.version}`}
          disabled={disabled}
          onBlur={(e) => {
            const v = e.target.value === "" ? null : Number(e.target.value);
            if (v !== task.estimate) void save({ estimate: v });
          }}
        />
      </Prop>
      <div className="small muted">
        Reported by {task.reporter?.name ?? "someone"} · created {task.createdAt.slice(0, 10)}
        {task.completedAt && <> · completed {task.completedAt.slice(0, 10)}</>}
      </div>
    </div>
  );
}
