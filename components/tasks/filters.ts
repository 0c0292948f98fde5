import type { Task } from "./types";

// Board and list share these URL parameters: ?q=&assignee=&label=&priority= (comma-separated, like the REST API).
export const FILTER_KEYS = ["q", "assignee", "label", "priority", "status", "cycle"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
/** `cf` holds custom field filters, `cf.<fieldId>=…` in the URL as in the REST API. */
export type Filters = Partial<Record<FilterKey, string>> & { cf?: Record<string, string> };

export function filtersFrom(params: Record<string, string | string[] | undefined>): Filters {
  const out: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = params[k];
    const s = Array.isArray(v) ? v[0] : v;
    if (s) out[k] = s;
  }
  for (const [k, v] of Object.entries(params)) {
    const s = Array.isArray(v) ? v[0] : v;
    if (k.startsWith("cf.") && s) out.cf = { ...out.cf, [k.slice(3)]: s };
  }
  return out;
}

const list = (v?: string) => (v ? v.split(",").filter(Boolean) : []);

/** For tasks arriving live: does this task still belong in the filtered view? (Text search is left to the server.) */
export function matches(task: Task, f: Filters, me: string): boolean {
  const assignees = list(f.assignee);
  if (assignees.length) {
    const ids = task.assignees.map((a) => a.id);
    const ok = assignees.some((a) => (a === "none" ? ids.length === 0 : ids.includes(a === "me" ? me : a)));
    if (!ok) return false;
  }
  const labels = list(f.label);
  if (labels.length && !task.labels.some((l) => labels.includes(l.id))) return false;
  const priorities = list(f.priority);
  if (priorities.length && !priorities.includes(task.priority)) return false;
  const statuses = list(f.status);
  if (statuses.length && !statuses.includes(task.status.id)) return false;
  // current / next are dates the server resolves; ids and none are checked here.
  const cycles = list(f.cycle);
  if (cycles.length && !cycles.some((c) => c === "current" || c === "next" || (c === "none" ? !task.cycleId : task.cycleId === c)))
    return false;
  return Object.entries(f.cf ?? {}).every(([fieldId, wanted]) => fieldMatches(task.customFields?.[fieldId], list(wanted), me));
}

/** A live task against one custom field filter; ranges and text are left to the server (kept). */
function fieldMatches(value: unknown, wanted: string[], me: string): boolean {
  if (wanted.length === 0 || wanted.some((w) => w.includes(".."))) return true;
  if (value === undefined || value === null) return wanted.includes("none") || wanted.includes("false");
  const have = Array.isArray(value) ? value.map(String) : [String(value)];
  return wanted.some((w) => have.includes(w === "me" ? me : w));
}

export function byPosition(a: Task, b: Task): number {
  return a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : 1;
}
