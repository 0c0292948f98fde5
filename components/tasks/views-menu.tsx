"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, useTransition } from "react";
import { createViewAction, listViewsAction, removeViewAction } from "@/app/actions/views";
import type { SavedView } from "@/server/views";
import type { ProjectPermissions } from "./types";
import { refusalMessage } from "@/components/ui/field-errors";

// A view stores the list endpoint's query keys (multi-value ones as arrays); the URL holds them comma-separated.
const MULTI = ["assignee", "label", "priority", "status", "category"] as const;
const LIST_GROUPS = ["status", "assignee", "priority"];
// The board keeps its swimlanes (`?lanes=`) in the same groupBy field.
const BOARD_LANES = ["assignee", "priority", "label"];
// The sorts the list offers (server/tasks/filters.ts `sorts`; not imported, it would pull the schema into the browser).
const SORTS = ["relevance", "position", "created", "-created", "updated", "-updated", "priority", "due"];

function fromUrl(params: URLSearchParams, withLayout: boolean) {
  const filters: Record<string, string | string[] | Record<string, string[]>> = {};
  const q = params.get("q")?.trim();
  if (q) filters.q = q;
  for (const k of MULTI) {
    const v = params.get(k)?.split(",").filter(Boolean);
    if (v?.length) filters[k] = v;
  }
  // Custom field filters: cf.<fieldId>=a,b in the URL, { cf: { <fieldId>: [a, b] } } in the view.
  const cf = Object.fromEntries(
    [...params.entries()].filter(([k, v]) => k.startsWith("cf.") && v).map(([k, v]) => [k.slice(3), v.split(",").filter(Boolean)]),
  );
  if (Object.keys(cf).length) filters.cf = cf;
  const sort = params.get("sort");
  const group = params.get("group");
  const lanes = params.get("lanes");
  if (!withLayout) return { filters, sort: null, groupBy: lanes && BOARD_LANES.includes(lanes) ? (lanes as SavedView["groupBy"]) : null };
  return {
    filters,
    sort: withLayout && sort && (SORTS.includes(sort) || /^-?cf\./.test(sort)) ? (sort as SavedView["sort"]) : null,
    groupBy: withLayout && group && LIST_GROUPS.includes(group) ? (group as SavedView["groupBy"]) : null,
  };
}

function toUrl(view: SavedView, withLayout: boolean): string {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries(view.filters)) {
    if (k === "cf" && v && typeof v === "object" && !Array.isArray(v)) {
      for (const [id, values] of Object.entries(v as Record<string, unknown>))
        if (Array.isArray(values) && values.length) next.set(`cf.${id}`, values.join(","));
      continue;
    }
    const s = Array.isArray(v) ? v.join(",") : typeof v === "string" ? v : "";
    if (s) next.set(k, s);
  }
  if (withLayout && view.sort) next.set("sort", view.sort);
  if (withLayout && view.groupBy && LIST_GROUPS.includes(view.groupBy)) next.set("group", view.groupBy);
  if (!withLayout && view.groupBy && BOARD_LANES.includes(view.groupBy)) next.set("lanes", view.groupBy);
  return next.toString();
}

/** "Views" in the filter bar: apply, save and delete saved views. `withLayout`: the list also saves sort and grouping; the board saves its swimlanes. */
export function ViewsMenu({
  projectId,
  me,
  permissions,
  withLayout,
}: {
  projectId: string;
  me: string;
  permissions: ProjectPermissions;
  withLayout: boolean;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, start] = useTransition();
  const [views, setViews] = useState<SavedView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);

  const load = () =>
    start(async () => {
      const r = await listViewsAction(projectId);
      if (r.ok) setViews(r.data);
      else setError(r.error);
    });
  const save = (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    start(async () => {
      const r = await createViewAction(projectId, { name, shared, ...fromUrl(new URLSearchParams(params.toString()), withLayout) });
      if (!r.ok) return setError(refusalMessage(r, { labels: { name: "Name" } }));
      setViews((v) => [...(v ?? []), r.data]);
      setName("");
      setShared(false);
    });
  };
  const remove = (view: SavedView) =>
    start(async () => {
      setError(null);
      const r = await removeViewAction(projectId, view.id);
      if (r.ok) setViews((v) => (v ?? []).filter((x) => x.id !== view.id));
      else setError(r.error);
    });

  return (
    <details style={{ position: "relative" }} onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && views === null && load()}>
      <summary className="btn btn-ghost">Views</summary>
      <div className="card" style={{ position: "absolute", zIndex: 20, padding: 12, minWidth: 260 }} aria-busy={pending}>
        {views?.length === 0 && <p className="muted">No saved views yet.</p>}
        <ul aria-label="Saved views" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {views?.map((v) => (
            <li key={v.id} style={{ display: "flex", gap: 6, alignItems: "center" }}>
              <button
                type="button"
                className="btn btn-ghost grow"
                onClick={() => start(() => router.replace(`${pathname}?${toUrl(v, withLayout)}`, { scroll: false }))}
              >
                {v.name}
                {v.shared ? " (shared)" : ""}
              </button>
              {(v.owner.id === me || permissions.canAdmin) && (
                <button type="button" className="btn btn-ghost" aria-label={`Delete view ${v.name}`} onClick={() => remove(v)}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
        <form onSubmit={save} style={{ marginTop: 8, display: "grid", gap: 6 }}>
          <label htmlFor="view-name">Save view…</label>
          <input
            id="view-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="View name"
            required
            maxLength={100}
            aria-invalid={!!error}
            aria-describedby={error ? "view-error" : undefined}
          />
          {permissions.canShareViews && (
            <label>
              <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} /> Share with the project
            </label>
          )}
          <button type="submit" className="btn" disabled={pending || !name.trim()}>
            Save view
          </button>
        </form>
        {error && (
          <p id="view-error" role="alert" className="field-error">
            {error}
          </p>
        )}
      </div>
    </details>
  );
}
