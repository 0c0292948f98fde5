"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import type { FilterKey } from "./filters";
import { PRIORITIES, PRIORITY_LABEL, type CycleInfo, type FieldInfo, type LabelInfo, type Person } from "./types";
import { FieldFilters } from "./fields/field-filters";

/** Filters live in the URL, so a filtered board or list can be shared and survives reloads. `views`: the saved-views menu. */
export function FilterBar({
  people,
  labels,
  fields = [],
  cycles,
  views,
  children,
}: {
  people: Person[];
  labels: LabelInfo[];
  fields?: FieldInfo[];
  cycles?: CycleInfo[];
  views?: React.ReactNode;
  children?: React.ReactNode;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, start] = useTransition();
  const [q, setQ] = useState(params.get("q") ?? "");

  const set = (key: FilterKey | `cf.${string}`, value: string) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete("task");
    start(() => router.replace(`${pathname}?${next.toString()}`, { scroll: false }));
  };
  useEffect(() => {
    if (q === (params.get("q") ?? "")) return;
    const t = setTimeout(() => set("q", q.trim()), 300);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  const active =
    ["q", "assignee", "label", "priority", "cycle"].some((k) => params.get(k)) || [...params.keys()].some((k) => k.startsWith("cf."));
  return (
    <div className="toolbar" role="search" aria-busy={pending}>
      <label className="sr-only" htmlFor="filter-q">
        Search tasks
      </label>
      <input
        id="filter-q"
        type="search"
        placeholder="Search tasks…  ( / )"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        data-shortcut-search
        style={{ minWidth: 200 }}
      />
      <label className="sr-only" htmlFor="filter-assignee">
        Assignee
      </label>
      <select id="filter-assignee" value={params.get("assignee") ?? ""} onChange={(e) => set("assignee", e.target.value)}>
        <option value="">Any assignee</option>
        <option value="me">Assigned to me</option>
        <option value="none">Unassigned</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <label className="sr-only" htmlFor="filter-label">
        Label
      </label>
      <select id="filter-label" value={params.get("label") ?? ""} onChange={(e) => set("label", e.target.value)}>
        <option value="">Any label</option>
        {labels.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
      <label className="sr-only" htmlFor="filter-priority">
        Priority
      </label>
      <select id="filter-priority" value={params.get("priority") ?? ""} onChange={(e) => set("priority", e.target.value)}>
        <option value="">Any priority</option>
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {PRIORITY_LABEL[p]}
          </option>
        ))}
      </select>
      <FieldFilters fields={fields} people={people} value={(id) => params.get(`cf.${id}`) ?? ""} onChange={(id, v) => set(`cf.${id}`, v)} />
      <label className="sr-only" htmlFor="filter-cycle">
        Cycle
      </label>
      <select id="filter-cycle" value={params.get("cycle") ?? ""} onChange={(e) => set("cycle", e.target.value)}>
        <option value="">Any cycle</option>
        <option value="current">Current cycle</option>
        <option value="next">Next cycle</option>
        <option value="none">No cycle</option>
        {(cycles ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
        {params.get("cycle") && !["current", "next", "none", ...(cycles ?? []).map((c) => c.id)].includes(params.get("cycle")!) && (
          <option value={params.get("cycle")!}>A completed cycle</option>
        )}
      </select>
      {active && (
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => {
            setQ("");
            start(() => router.replace(pathname, { scroll: false }));
          }}
        >
          Clear filters
        </button>
      )}
      {views}
      <span className="grow" />
      {children}
    </div>
  );
}
