"use client";
import { PickerButton } from "./pickers/picker";
import { propertySpec, PROPERTY_KINDS, type PickerMeta } from "./pickers/specs";
import { savePicked, useCreateLabel } from "./pickers/task-actions";
import type { TaskWriter } from "./pickers/use-task-writer";
import type { BoardData, Task } from "./types";

/**
 * The same pickers over every selected task, in one transaction: all change, or none and the refusal
 * names the task. Each edit offers "Undo" for 10 s, which puts every task's previous value back.
 */
export function BulkBar({
  data,
  me,
  tasks,
  writer,
  onDone,
  onClear,
}: {
  data: BoardData;
  me: string;
  tasks: Task[];
  writer: TaskWriter;
  onDone: () => void;
  onClear: () => void;
}) {
  const meta: PickerMeta = { statuses: data.statuses, labels: data.labels, people: data.people, me, cycles: data.cycles };
  const createLabel = useCreateLabel(data.project.id);
  return (
    <div className="toolbar card" style={{ padding: 8 }} role="region" aria-label="Bulk edit">
      <strong>{tasks.length} selected</strong>
      {PROPERTY_KINDS.map((kind) => {
        const spec = propertySpec(kind, tasks, meta);
        return (
          <PickerButton
            key={kind}
            name={spec.name}
            summary={spec.summary}
            empty={spec.empty}
            label={`${spec.name} of ${tasks.length} tasks`}
            options={spec.options}
            selected={spec.selected}
            multiple={spec.multiple}
            parse={spec.parse}
            create={kind === "labels" ? { label: (q) => `Create label “${q}”`, run: createLabel } : undefined}
            onChange={(ids, before) =>
              void savePicked(writer, tasks, kind, meta, ids, before).then((saved) => {
                if (saved && !spec.multiple) onDone();
              })
            }
          />
        );
      })}
      <button type="button" className="btn btn-ghost" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
