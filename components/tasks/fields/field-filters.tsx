"use client";
import type { FieldInfo, Person } from "../types";

/** One select per custom field with choices (selects, people, checkboxes), writing `cf.<fieldId>` into the URL. */
export function FieldFilters({
  fields,
  people,
  value,
  onChange,
}: {
  fields: FieldInfo[];
  people: Person[];
  value: (fieldId: string) => string;
  onChange: (fieldId: string, value: string) => void;
}) {
  const choices = (f: FieldInfo): { id: string; name: string }[] | null => {
    if (f.type === "single_select" || f.type === "multi_select") return f.options;
    if (f.type === "person") return [{ id: "me", name: "Me" }, ...people.map((p) => ({ id: p.id, name: p.name }))];
    if (f.type === "checkbox")
      return [
        { id: "true", name: "Checked" },
        { id: "false", name: "Unchecked" },
      ];
    return null;
  };
  return (
    <>
      {fields.map((f) => {
        const list = choices(f);
        if (!list) return null;
        const id = `filter-cf-${f.id}`;
        return (
          <span key={f.id}>
            <label className="sr-only" htmlFor={id}>
              {f.name}
            </label>
            <select id={id} value={value(f.id)} onChange={(e) => onChange(f.id, e.target.value)}>
              <option value="">Any {f.name}</option>
              {f.type !== "checkbox" && <option value="none">No {f.name}</option>}
              {list.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </span>
        );
      })}
    </>
  );
}
