"use client";
import { useId } from "react";
import { PickerButton } from "../pickers/picker";
import { propertySpec, PROPERTY_KINDS, type PickerMeta, type PropertyKind } from "../pickers/specs";
import { savePicked, useCreateLabel } from "../pickers/task-actions";
import type { TaskWriter } from "../pickers/use-task-writer";
import { fieldKind } from "../fields/field-specs";
import type { Task } from "../types";
import type { DetailMeta, SaveField } from "./types";

/**
 * The task's properties, each a button showing its value that opens the shared picker (status,
 * assignees, labels, priority, due date, estimate, then the project's custom fields); `opened` opens one from a shortcut.
 */
export function Properties({
  task,
  meta,
  me,
  save,
  writer,
  canWrite,
  opened,
  onLabelCreated,
}: {
  task: Task;
  meta: DetailMeta;
  me: string;
  save: SaveField;
  writer: TaskWriter;
  canWrite: boolean;
  opened: { kind: PropertyKind; n: number } | null;
  onLabelCreated?: (label: { id: string; name: string; color: string }) => void;
}) {
  const id = useId();
  const disabled = !canWrite;
  const pickerMeta: PickerMeta = {
    statuses: meta.statuses,
    labels: meta.labels,
    people: meta.people,
    me,
    fields: meta.fields,
    cycles: meta.cycles,
  };
  const kinds: PropertyKind[] = [...PROPERTY_KINDS, ...(meta.fields ?? []).map(fieldKind)];
  const createLabel = useCreateLabel(meta.project.id, onLabelCreated);
  return (
    <div className="props" aria-label="Properties">
      {kinds.map((kind) => {
        const spec = propertySpec(kind, [task], pickerMeta);
        return (
          <div className="field" key={kind}>
            <PickerButton
              name={spec.name}
              summary={spec.summary}
              empty={spec.empty}
              disabled={disabled}
              openKey={opened?.kind === kind ? opened.n : undefined}
              label={spec.name}
              options={spec.options}
              selected={spec.selected}
              multiple={spec.multiple}
              parse={spec.parse}
              create={kind === "labels" ? { label: (q) => `Create label “${q}”`, run: createLabel } : undefined}
              onChange={(ids, before) => void savePicked(writer, [task], kind, pickerMeta, ids, before)}
            />
          </div>
        );
      })}
      <div className="field">
        <label htmlFor={`${id}-start`} className="small muted">
          Start date
        </label>
        <input
          id={`${id}-start`}
          type="date"
          value={task.startDate ?? ""}
          disabled={disabled}
          onChange={(e) => void save({ startDate: e.target.value || null })}
        />
      </div>
      <div className="small muted">
        Reported by {task.reporter?.name ?? "someone"} · created {task.createdAt.slice(0, 10)}
        {task.completedAt && <> · completed {task.completedAt.slice(0, 10)}</>}
      </div>
    </div>
  );
}
