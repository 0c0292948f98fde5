import type { UpdateTaskInput } from "@/server/tasks";
import {
  PRIORITIES,
  PRIORITY_LABEL,
  type CycleInfo,
  type FieldInfo,
  type LabelInfo,
  type Person,
  type StatusInfo,
  type Task,
} from "../types";
import type { PickerOption } from "./picker";
import { fieldSpec, isFieldKind, type FieldKind } from "../fields/field-specs";

/** The built-in properties, and custom fields as `cf:<fieldId>`. */
export type PropertyKind = "status" | "assignees" | "labels" | "priority" | "due" | "estimate" | "cycle" | FieldKind;
export const PROPERTY_KINDS: PropertyKind[] = ["status", "assignees", "labels", "priority", "due", "estimate", "cycle"];

/** What a picker needs to know about the project. */
export type PickerMeta = {
  statuses: StatusInfo[];
  labels: LabelInfo[];
  people: Person[];
  me: string;
  fields?: FieldInfo[];
  cycles?: CycleInfo[];
};

/** One property's picker over one or several tasks: its options, current choice, and the write it makes. */
export type PropertySpec = {
  kind: PropertyKind;
  /** The field's name: "Assignees". */
  name: string;
  /** What the button says when the value is empty: "Assign". */
  empty: string;
  /** The current value in words ("Ada, Lin"), "" when empty. */
  summary: string;
  options: PickerOption[];
  selected: string[];
  multiple: boolean;
  parse?: (query: string) => PickerOption | null;
  /** The change for one task, given the picker's new selection and the selection it started from. */
  inputFor: (task: Task, next: string[], before: string[]) => UpdateTaskInput;
};

const NONE = "none";
const common = (tasks: Task[], of: (t: Task) => string[]): string[] =>
  tasks.length ? of(tasks[0]!).filter((v) => tasks.every((t) => of(t).includes(v))) : [];
/** Multi-valued fields over several tasks: add what was ticked, take away what was unticked, keep the rest. */
const toggled = (own: string[], next: string[], before: string[]) => {
  const added = next.filter((v) => !before.includes(v));
  const removed = before.filter((v) => !next.includes(v));
  return [...new Set([...own.filter((v) => !removed.includes(v)), ...added])];
};

function isoDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
function inDays(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return isoDay(d);
}
function nextMonday(): string {
  const d = new Date();
  d.setDate(d.getDate() + ((8 - d.getDay()) % 7 || 7));
  return isoDay(d);
}
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function propertySpec(kind: PropertyKind, tasks: Task[], meta: PickerMeta): PropertySpec {
  if (isFieldKind(kind)) {
    const spec = fieldSpec(kind, tasks, meta);
    // A field deleted meanwhile: an empty picker that changes nothing.
    return spec ?? { kind, name: "Field", empty: "Field", summary: "", options: [], selected: [], multiple: false, inputFor: () => ({}) };
  }
  const one = <T>(of: (t: Task) => T): T | undefined => {
    const values = new Set(tasks.map((t) => JSON.stringify(of(t))));
    return values.size === 1 && tasks[0] ? of(tasks[0]) : undefined;
  };
  switch (kind) {
    case "status": {
      const id = one((t) => t.status.id);
      return {
        kind,
        name: "Status",
        empty: "Set status",
        summary: id ? (meta.statuses.find((s) => s.id === id)?.name ?? tasks[0]!.status.name) : tasks.length > 1 ? "Mixed" : "",
        options: meta.statuses.map((s) => ({ id: s.id, label: s.name, color: s.color })),
        selected: id ? [id] : [],
        multiple: false,
        inputFor: (_t, next) => ({ statusId: next[0]! }),
      };
    }
    case "priority": {
      const p = one((t) => t.priority);
      return {
        kind,
        name: "Priority",
        empty: "Set priority",
        summary: p ? PRIORITY_LABEL[p] : tasks.length > 1 ? "Mixed" : "",
        options: [...PRIORITIES].reverse().map((v) => ({ id: v, label: PRIORITY_LABEL[v] })),
        selected: p ? [p] : [],
        multiple: false,
        inputFor: (_t, next) => ({ priority: next[0] as Task["priority"] }),
      };
    }
    case "assignees": {
      const ids = common(tasks, (t) => t.assignees.map((a) => a.id));
      const names = ids.map((id) => tasks[0]!.assignees.find((a) => a.id === id)?.name ?? meta.people.find((p) => p.id === id)?.name ?? "");
      const me = meta.people.find((p) => p.id === meta.me);
      const others = meta.people.filter((p) => p.id !== meta.me);
      return {
        kind,
        name: "Assignees",
        empty: "Assign",
        summary: names.join(", "),
        // "Assign to me" first, as in every tracker people know.
        options: [
          ...(me
            ? [{ id: me.id, label: ids.includes(me.id) ? `${me.name} (me)` : "Assign to me", hint: me.name === "" ? undefined : me.email }]
            : []),
          ...others.map((p) => ({ id: p.id, label: p.name, hint: p.email })),
        ],
        selected: ids,
        multiple: true,
        inputFor: (t, next, before) => ({
          assigneeIds: toggled(
            t.assignees.map((a) => a.id),
            next,
            before,
          ),
        }),
      };
    }
    case "labels": {
      const ids = common(tasks, (t) => t.labels.map((l) => l.id));
      return {
        kind,
        name: "Labels",
        empty: "Add labels",
        summary: ids.map((id) => meta.labels.find((l) => l.id === id)?.name ?? tasks[0]!.labels.find((l) => l.id === id)?.name).join(", "),
        options: meta.labels.map((l) => ({ id: l.id, label: l.name, color: l.color })),
        selected: ids,
        multiple: true,
        inputFor: (t, next, before) => ({
          labelIds: toggled(
            t.labels.map((l) => l.id),
            next,
            before,
          ),
        }),
      };
    }
    case "due": {
      const due = one((t) => t.dueDate);
      const presets = [
        { id: inDays(0), label: "Today" },
        { id: inDays(1), label: "Tomorrow" },
        { id: nextMonday(), label: "Next Monday" },
        { id: inDays(7), label: "In a week" },
      ].map((o) => ({ ...o, hint: o.id }));
      const chosen = due ?? null;
      return {
        kind,
        name: "Due date",
        empty: "Set due date",
        summary: chosen ?? (tasks.length > 1 && due === undefined ? "Mixed" : ""),
        options: [
          ...(chosen && !presets.some((p) => p.id === chosen) ? [{ id: chosen, label: chosen }] : []),
          ...presets,
          { id: NONE, label: "No due date" },
        ],
        selected: [chosen ?? NONE],
        multiple: false,
        parse: (q) => (DATE.test(q) && !Number.isNaN(Date.parse(q)) ? { id: q, label: `Due ${q}` } : null),
        inputFor: (_t, next) => ({ dueDate: next[0] === NONE ? null : next[0]! }),
      };
    }
    case "estimate": {
      const e = one((t) => t.estimate);
      const points = [1, 2, 3, 5, 8, 13];
      return {
        kind,
        name: "Estimate",
        empty: "Estimate",
        summary: e === undefined ? (tasks.length > 1 ? "Mixed" : "") : e === null ? "" : `${e} pt`,
        options: [...points.map((n) => ({ id: String(n), label: `${n} point${n === 1 ? "" : "s"}` })), { id: NONE, label: "No estimate" }],
        selected: e === undefined ? [] : [e === null ? NONE : String(e)],
        multiple: false,
        parse: (q) => (/^\d+(\.\d+)?$/.test(q) ? { id: q, label: `${q} points` } : null),
        inputFor: (_t, next) => ({ estimate: next[0] === NONE ? null : Number(next[0]) }),
      };
    }
    case "cycle": {
      const id = one((t) => t.cycleId);
      const cycles = meta.cycles ?? [];
      const name = id ? (cycles.find((c) => c.id === id)?.name ?? "Completed cycle") : "";
      return {
        kind,
        name: "Cycle",
        empty: "Add to cycle",
        summary: id === undefined ? (tasks.length > 1 ? "Mixed" : "") : name,
        options: [
          ...cycles.map((c) => ({
            id: c.id,
            label: c.name,
            hint: `${c.startDate} – ${c.endDate}${c.state === "active" ? " · current" : ""}`,
          })),
          { id: NONE, label: "No cycle" },
        ],
        selected: id === undefined ? [] : [id ?? NONE],
        multiple: false,
        inputFor: (_t, next) => ({ cycleId: next[0] === NONE ? null : next[0]! }),
      };
    }
  }
}

/** The input that puts back what `input` changed on `before` (the task as it was): the undo of an edit. */
export function revertInput(before: Task, input: UpdateTaskInput): UpdateTaskInput {
  const back: UpdateTaskInput = {};
  if (input.statusId !== undefined) back.statusId = before.status.id;
  if (input.priority !== undefined) back.priority = before.priority;
  if (input.assigneeIds !== undefined) back.assigneeIds = before.assignees.map((a) => a.id);
  if (input.labelIds !== undefined) back.labelIds = before.labels.map((l) => l.id);
  if (input.dueDate !== undefined) back.dueDate = before.dueDate;
  if (input.estimate !== undefined) back.estimate = before.estimate;
  if (input.cycleId !== undefined) back.cycleId = before.cycleId;
  if (input.position !== undefined || input.statusId !== undefined) back.position = before.position;
  if (input.customFields !== undefined)
    back.customFields = Object.fromEntries(Object.keys(input.customFields).map((id) => [id, before.customFields?.[id] ?? null]));
  return back;
}
