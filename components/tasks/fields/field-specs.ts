import type { UpdateTaskInput } from "@/server/tasks";
import type { FieldInfo, Person, Task } from "../types";
import type { PickerOption } from "../pickers/picker";

// Custom fields in the shared property picker: each field is a property kind `cf:<fieldId>`, with
// options by type (a select's options, people, checked or not) or a value typed into the search box.

export type FieldKind = `cf:${string}`;
export const fieldKind = (f: FieldInfo): FieldKind => `cf:${f.id}`;
export const isFieldKind = (kind: string): kind is FieldKind => kind.startsWith("cf:");

const NONE = "__none__";
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Meta = { fields?: FieldInfo[]; people: Person[]; me: string };

/** A value in words: option names, a person's name, "Yes" for a ticked box. */
export function formatFieldValue(field: FieldInfo, value: unknown, people: Person[]): string {
  if (value === undefined || value === null) return "";
  const option = (id: unknown) => field.options.find((o) => o.id === id)?.name ?? "";
  switch (field.type) {
    case "single_select":
      return option(value);
    case "multi_select":
      return (value as string[]).map(option).join(", ");
    case "person":
      return people.find((p) => p.id === value)?.name ?? "";
    case "checkbox":
      return value ? "Yes" : "";
    default:
      return String(value);
  }
}

function parserFor(field: FieldInfo): ((q: string) => PickerOption | null) | undefined {
  switch (field.type) {
    case "number":
      return (q) => (q.trim() !== "" && Number.isFinite(Number(q)) ? { id: q.trim(), label: `Set ${q.trim()}` } : null);
    case "date":
      return (q) => (DATE.test(q) && !Number.isNaN(Date.parse(q)) ? { id: q, label: `Set ${q}` } : null);
    case "text":
    case "url":
      return (q) => (q.trim() ? { id: q.trim(), label: `Set “${q.trim()}”` } : null);
    default:
      return undefined;
  }
}

function optionsFor(field: FieldInfo, meta: Meta, current: string | undefined): PickerOption[] {
  switch (field.type) {
    case "single_select":
    case "multi_select":
      return field.options.map((o) => ({ id: o.id, label: o.name, color: o.color }));
    case "person":
      return meta.people.map((p) => ({ id: p.id, label: p.id === meta.me ? `${p.name} (me)` : p.name, hint: p.email }));
    case "checkbox":
      return [
        { id: "true", label: "Checked" },
        { id: NONE, label: "Unchecked" },
      ];
    default:
      return current ? [{ id: current, label: current }] : [];
  }
}

export function fieldSpec(kind: FieldKind, tasks: Task[], meta: Meta) {
  const field = meta.fields?.find((f) => f.id === kind.slice(3));
  if (!field) return null;
  const values = tasks.map((t) => t.customFields?.[field.id]);
  const same = new Set(values.map((v) => JSON.stringify(v ?? null))).size === 1;
  const value = same ? values[0] : undefined;
  const multiple = field.type === "multi_select";
  const selected = multiple ? ((value as string[] | undefined) ?? []) : value === undefined || value === null ? [] : [String(value)];
  const options = optionsFor(field, meta, selected[0]);
  const clearable = !field.required && field.type !== "checkbox" && !multiple;
  const toValue = (next: string[]): unknown => {
    if (multiple) return next.length ? next : null;
    const v = next[0];
    if (v === undefined || v === NONE) return field.type === "checkbox" ? false : null;
    if (field.type === "number") return Number(v);
    if (field.type === "checkbox") return v === "true";
    return v;
  };
  return {
    kind,
    name: field.name,
    empty: `Set ${field.name}`,
    summary: same ? formatFieldValue(field, value, meta.people) : "Mixed",
    options: clearable ? [...options, { id: NONE, label: `No ${field.name}` }] : options,
    selected,
    multiple,
    parse: parserFor(field),
    inputFor: (_t: Task, next: string[]): UpdateTaskInput => ({ customFields: { [field.id]: toValue(next) } }),
  };
}
