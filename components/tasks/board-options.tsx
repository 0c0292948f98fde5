"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useSyncExternalStore } from "react";
import { LANE_KINDS, LANE_LABEL, laneKindFrom, type LaneKind } from "./board-lanes";

/** The board's swimlanes, from `?lanes=`: a URL a teammate can open, and what a saved view stores. */
export function useLaneKind(): LaneKind | null {
  return laneKindFrom(useSearchParams().get("lanes"));
}

/** "Swimlanes: none / assignee / priority / label": changes the URL in place (no server round trip). */
export function LanesControl() {
  const params = useSearchParams();
  const pathname = usePathname();
  const value = laneKindFrom(params.get("lanes")) ?? "";
  return (
    <div className="row" style={{ gap: 6, flexWrap: "nowrap" }}>
      <label htmlFor="board-lanes" className="small muted">
        Swimlanes
      </label>
      <select
        id="board-lanes"
        value={value}
        onChange={(e) => {
          const next = new URLSearchParams(params.toString());
          if (e.target.value) next.set("lanes", e.target.value);
          else next.delete("lanes");
          const query = next.toString();
          window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
        }}
      >
        <option value="">None</option>
        {LANE_KINDS.map((k) => (
          <option key={k} value={k}>
            {LANE_LABEL[k]}
          </option>
        ))}
      </select>
    </div>
  );
}

const COLLAPSED_EVENT = "tasklane:collapsed-columns";
const subscribeCollapsed = (onChange: () => void) => {
  window.addEventListener("storage", onChange);
  window.addEventListener(COLLAPSED_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(COLLAPSED_EVENT, onChange);
  };
};

function parseIds(raw: string): ReadonlySet<string> {
  try {
    const saved = JSON.parse(raw) as unknown;
    return new Set(Array.isArray(saved) ? saved.filter((s): s is string => typeof s === "string") : []);
  } catch {
    return new Set(); // a damaged entry: every column open
  }
}

/** Collapsed columns (status ids), per project, remembered in this browser (the server render shows them all open). */
export function useCollapsedColumns(projectId: string) {
  const storageKey = `tasklane:collapsed:${projectId}`;
  const raw = useSyncExternalStore(
    subscribeCollapsed,
    () => localStorage.getItem(storageKey) ?? "[]",
    () => "[]",
  );
  const collapsed = useMemo(() => parseIds(raw), [raw]);
  const toggle = useCallback(
    (statusId: string) => {
      const next = new Set(parseIds(localStorage.getItem(storageKey) ?? "[]"));
      if (!next.delete(statusId)) next.add(statusId);
      try {
        localStorage.setItem(storageKey, JSON.stringify([...next]));
      } catch {
        // Storage full or refused: nothing to remember it by.
      }
      window.dispatchEvent(new Event(COLLAPSED_EVENT));
    },
    [storageKey],
  );
  return { collapsed, toggle };
}
